/**
 * Spring Cloud Gateway's Web MVC flavour (Tomcat in, a blocking HTTP client out, one thread per
 * request), reduced to what the flavour comparison measures: one route to catalog behind a JWT
 * check.
 */
package dev.mercado.bench.flavours.webmvc;
