package dev.mercado.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping OS processes and their descendants: SIGTERM first, SIGKILL after a grace period. */
final class Processes {

  private Processes() {}

  /**
   * @return whether the process exited by itself within the grace period (false: it was killed)
   */
  static boolean terminate(ProcessHandle handle, Duration grace) {
    List<ProcessHandle> descendants = handle.descendants().toList();
    handle.destroy();
    boolean exited = false;
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      exited = true;
    } catch (TimeoutException | ExecutionException e) {
      handle.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return exited;
  }

  static void terminate(long pid, Duration grace) {
    ProcessHandle.of(pid).ifPresent(handle -> terminate(handle, grace));
  }
}
