package dev.mercado.platform.errors.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report as {@code application/problem+json} instead of its HTML page: the answer to
 * every error no servlet wrote a body for, above all those the connector raises before any servlet
 * runs (a URI with an encoded {@code /}, {@code ..} or NUL is a 400 from the CoyoteAdapter, which
 * still passes the request down the Host's pipeline to this valve). Never the container's message
 * or a stack trace ({@link ContainerProblems}). Installed on the Host by platform-errors'
 * auto-configuration. Thread-safe: it keeps no state per request.
 */
public class ProblemReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

  public ProblemReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // as Tomcat's own report: only errors, only once, only if nothing was written yet
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    if (throwable != null) {
      log.error("answering {}: unexpected error in the container", status, throwable);
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      if (status == 503) {
        response.setHeader("Retry-After", ContainerProblems.RETRY_AFTER_SECONDS);
      }
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(ContainerProblems.json(status));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away or the response cannot take a body any more: nobody to answer
    }
  }
}
