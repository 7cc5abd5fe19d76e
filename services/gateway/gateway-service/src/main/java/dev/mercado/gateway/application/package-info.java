/**
 * The gateway's own pages (Backend for Frontend, R5): each composes several services' documents
 * into one answer, with a deadline per call and fallbacks when a service fails (F8, R12).
 */
package dev.mercado.gateway.application;
