"""PDF documents with ReportLab and the bundled Liberation Serif (metric-compatible with Times New Roman)."""
