package dev.mercado.gateway.application;

/**
 * A part a page had to leave out.
 *
 * @param part where it would have been in the page: {@code payment}, {@code notifications} or
 *     {@code products/<id>}
 * @param reason why, for people: {@code "timeout after 800 ms"}, {@code "payments answered 503"}
 */
public record MissingPart(String part, String reason) {}
