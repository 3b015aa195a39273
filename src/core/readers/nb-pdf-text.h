/* nb-pdf-text.h — a page's characters and their boxes, from poppler's text layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF reader needs what poppler-glib's poppler_page_get_text() and
 * poppler_page_get_text_layout() give: the page's text, and one box for each of its
 * characters. poppler-glib, though, brings cairo, GIO and some twenty more libraries
 * into the reader helper, whose start-up they doubled (bench/pdf.sh). This small
 * C++ layer (nb-pdf-text.cc) makes the same calls on poppler's core classes, the ones
 * pdftotext uses, so that the helper links about what pdftotext links.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NbPdfDoc NbPdfDoc;

typedef enum
{
  NB_PDF_OPEN_OK,
  NB_PDF_OPEN_ENCRYPTED,
  NB_PDF_OPEN_DAMAGED,
} NbPdfOpenResult;

/* the same layout as PopplerRectangle: points, the origin at the page's top left */
typedef struct
{
  double x1, y1, x2, y2;
} NbPdfRect;

NbPdfDoc *nb_pdf_doc_open       (const guint8     *data,
                                 gsize             len,
                                 NbPdfOpenResult  *result,
                                 char            **message);
void      nb_pdf_doc_free       (NbPdfDoc         *doc);
int       nb_pdf_doc_n_pages    (NbPdfDoc         *doc);
gboolean  nb_pdf_doc_page_size  (NbPdfDoc         *doc,
                                 int               index,
                                 double           *width,
                                 double           *height);
gboolean  nb_pdf_doc_page_text  (NbPdfDoc         *doc,
                                 int               index,
                                 char            **text,
                                 NbPdfRect       **rects,
                                 guint            *n_rects);

G_END_DECLS
