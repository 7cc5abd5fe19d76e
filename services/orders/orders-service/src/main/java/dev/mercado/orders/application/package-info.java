/** Orders' use cases, each one transaction: placing an order and driving its saga. */
package dev.mercado.orders.application;
