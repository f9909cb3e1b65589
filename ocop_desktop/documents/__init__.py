"""Document renderers (PDF with ReportLab, Excel with openpyxl): plain data in, file out; no database."""
