package dev.mercado.platform.chaos.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 403 to every caller of the chaos endpoints that is not on this machine: the services
 * listen on every interface, and a switch that breaks them must not be reachable from the network
 * (R6: faults are injected from loopback only). The remote address is an IP literal, so nothing is
 * looked up in DNS.
 */
public final class LoopbackOnlyFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!loopback(request.getRemoteAddr())) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN, "chaos endpoints answer loopback callers only");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean loopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    // only IP literals reach here; refuse anything that looks like a name rather than resolve it
    if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
