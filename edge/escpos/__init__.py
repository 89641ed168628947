"""From a job's ESC/POS bytes to a document: lines of styled text, images, barcodes, 2D codes, cuts."""
