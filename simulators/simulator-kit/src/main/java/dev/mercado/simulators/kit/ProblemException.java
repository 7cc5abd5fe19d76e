package dev.mercado.simulators.kit;

/**
 * Ends the handling of a request with a problem detail: a {@link JsonEndpoint} answers it instead
 * of a 500. Its message is the problem's detail; it carries no stack trace, since it reports a bad
 * request rather than a bug.
 */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
