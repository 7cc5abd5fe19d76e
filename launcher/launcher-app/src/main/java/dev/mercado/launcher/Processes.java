package dev.mercado.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping OS processes and their descendants: SIGTERM first, SIGKILL after a grace period. */
final class Processes {

  private Processes() {}

  static void terminate(ProcessHandle handle, Duration grace) {
    List<ProcessHandle> descendants = handle.descendants().toList();
    handle.destroy();
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      handle.destroyForcibly();
    } catch (ExecutionException e) {
      handle.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  static void terminate(long pid, Duration grace) {
    ProcessHandle.of(pid).ifPresent(handle -> terminate(handle, grace));
  }
}
