package dev.mercado.simulators.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpHandler;
import dev.mercado.simulators.testkit.SimulatorHttp;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpListenerTest {

  private final ExecutorService threads = HttpListener.threads("listener-test", 2);
  private final HttpHandler ok =
      exchange -> {
        Reply.json(200, Map.of("status", "UP")).send(exchange);
        exchange.close();
      };

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void listensAgainOnTheSamePortAfterClosing() throws Exception {
    // given
    HttpListener listener = new HttpListener("API", 0, ok, threads);
    listener.open();
    int port = listener.port();

    // when
    listener.close();

    // then
    assertThat(listener.isOpen()).isFalse();
    assertThat(listener.port()).isEqualTo(port);
    assertThat(catchThrowable(() -> health(port))).isInstanceOf(ConnectException.class);

    // when
    listener.open();

    // then
    try {
      assertThat(listener.isOpen()).isTrue();
      assertThat(listener.port()).isEqualTo(port);
      assertThat(health(port).statusCode()).isEqualTo(200);
    } finally {
      listener.close();
    }
  }

  @Test
  void namesThePortWhenAnotherProcessHoldsIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      HttpListener listener = new HttpListener("API", taken.getLocalPort(), ok, threads);

      Throwable failure = catchThrowable(listener::open);

      assertThat(failure)
          .isInstanceOf(BindException.class)
          .hasMessageStartingWith(
              "API port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (");
      assertThat(listener.isOpen()).isFalse();
    }
  }

  @Test
  void runsUpToTheMaximumOfThreadsAtOnceAndQueuesTheRest() throws Exception {
    // given
    CountDownLatch release = new CountDownLatch(1);
    List<String> running = new CopyOnWriteArrayList<>();
    Runnable blocking =
        () -> {
          running.add(Thread.currentThread().getName());
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };

    // when
    for (int i = 0; i < 3; i++) {
      threads.execute(blocking);
    }

    // then
    await().atMost(Duration.ofSeconds(5)).until(() -> running.size() == 2);
    assertThat(running).containsExactlyInAnyOrder("listener-test-1", "listener-test-2");
    release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> running.size() == 3);
  }

  private static HttpResponse<String> health(int port) throws Exception {
    return new SimulatorHttp().sendOrThrow("GET", SimulatorHttp.uri(port, "/health"), null);
  }
}
