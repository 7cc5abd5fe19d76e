/**
 * What the gateway's own pages are composed from (R5): the port to the services' documents, in
 * plain Java, implemented over HTTP in {@code client}. The gateway owns no business data; these
 * types only carry what the services answered.
 */
package dev.mercado.gateway.domain;
