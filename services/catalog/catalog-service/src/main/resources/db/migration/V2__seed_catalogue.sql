-- A small demonstration catalogue, so a fresh system serves something real end to end.
INSERT INTO product (id, sku, name, description, price_amount, price_currency) VALUES
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a01', 'MUG-001',  'Enamel mug',         'Blue enamel camping mug, 350 ml.',                12.50, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a02', 'TEE-002',  'Cotton T-shirt',     'Organic cotton T-shirt with the Mercado logo.',   24.00, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a03', 'BAG-003',  'Canvas tote bag',    'Heavy canvas tote bag, 40 x 42 cm.',              18.90, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a04', 'BOOK-004', 'Distributed systems','Paperback on the fallacies of distributed computing.', 39.00, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a05', 'PEN-005',  'Fountain pen',       'Steel nib fountain pen, medium.',                 29.90, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a06', 'NOTE-006', 'Dotted notebook',    'A5 notebook, 192 dotted pages.',                   9.80, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a07', 'CAP-007',  'Baseball cap',       'Six-panel cap, adjustable strap.',                15.00, 'EUR'),
  ('0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a08', 'STK-008',  'Sticker pack',       'Ten vinyl stickers, one per architecture pattern.', 4.50, 'EUR');
