/* nb-pdf-text-glib.c — nb-pdf-text.h through poppler-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For builds without poppler's core headers (libpoppler-private-dev), such as a
 * runtime that ships poppler-glib alone: the same text and boxes, with poppler-glib's
 * libraries to load (nb-pdf-text.h).
 */
#include "config.h"

#include <poppler.h>

#include "nb-pdf-text.h"

G_STATIC_ASSERT (sizeof (NbPdfRect) == sizeof (PopplerRectangle));

struct _NbPdfDoc
{
  PopplerDocument *document;
  GBytes          *bytes;
};

NbPdfDoc *
nb_pdf_doc_open (const guint8     *data,
                 gsize             len,
                 NbPdfOpenResult  *result,
                 char            **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, len);
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &error);
  NbPdfDoc *self;

  if (document == NULL)
    {
      *result = g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) ? NB_PDF_OPEN_ENCRYPTED
                                                                               : NB_PDF_OPEN_DAMAGED;
      *message = g_strdup (error != NULL ? error->message : "Failed to load document");
      return NULL;
    }
  *result = NB_PDF_OPEN_OK;
  *message = NULL;
  self = g_new0 (NbPdfDoc, 1);
  self->document = document;
  self->bytes = g_steal_pointer (&bytes);
  return self;
}

void
nb_pdf_doc_free (NbPdfDoc *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->document);
  g_bytes_unref (self->bytes);
  g_free (self);
}

int
nb_pdf_doc_n_pages (NbPdfDoc *self)
{
  return poppler_document_get_n_pages (self->document);
}

gboolean
nb_pdf_doc_page_size (NbPdfDoc *self,
                      int       index,
                      double   *width,
                      double   *height)
{
  PopplerPage *page = poppler_document_get_page (self->document, index);

  if (page == NULL)
    return FALSE;
  poppler_page_get_size (page, width, height);
  g_object_unref (page);
  return TRUE;
}

gboolean
nb_pdf_doc_page_text (NbPdfDoc   *self,
                      int         index,
                      char      **text,
                      NbPdfRect **rects,
                      guint      *n_rects)
{
  PopplerPage *page = poppler_document_get_page (self->document, index);
  PopplerRectangle *layout = NULL;
  gboolean found;

  *text = NULL;
  *rects = NULL;
  *n_rects = 0;
  if (page == NULL)
    return FALSE;
  *text = poppler_page_get_text (page);
  found = *text != NULL && poppler_page_get_text_layout (page, &layout, n_rects);
  *rects = (NbPdfRect *) layout;
  g_object_unref (page);
  return found;
}
