package dev.mercado.catalog.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Once the service is up, announces the products nobody was told about yet (see {@link
 * ProductAdministration#announcePending()}), one batch per transaction.
 */
@Component
class PendingAnnouncements {

  private static final Logger log = LoggerFactory.getLogger(PendingAnnouncements.class);

  private final ProductAdministration administration;

  PendingAnnouncements(ProductAdministration administration) {
    this.administration = administration;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announceOnStart() {
    try {
      while (administration.announcePending() > 0) {
        // next batch
      }
    } catch (DataAccessException e) {
      // the rows stay pending: the next start announces them
      log.warn("could not announce pending products: {}", e.toString());
    }
  }
}
