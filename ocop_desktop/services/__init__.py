"""One module per user action. No Qt; plain data in and out."""
