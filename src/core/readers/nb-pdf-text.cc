/* nb-pdf-text.cc — a page's characters and their boxes, from poppler's text layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What poppler-glib does for poppler_document_new_from_bytes(), _get_n_pages(),
 * poppler_page_get_size(), _get_text() and _get_text_layout(), on the same core
 * classes with the same arguments, so that the text and the boxes are the same
 * (nb-pdf-text.h says why). The text is the selection of the whole page in glyph
 * style; the boxes are one for each of its characters, the white space between
 * words and the line ends included, in the order of the text.
 */
#include "config.h"

#include <memory>

#include <Gfx.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include "nb-pdf-text.h"

struct _NbPdfDoc
{
  PDFDoc *doc;
};

/* poppler's complaints about a damaged file: the reader says what matters */
static void
quiet (ErrorCategory, Goffset, const char *)
{
}

NbPdfDoc *
nb_pdf_doc_open (const guint8     *data,
                 gsize             len,
                 NbPdfOpenResult  *result,
                 char            **message)
{
  if (!globalParams)
    {
      globalParams = std::make_unique<GlobalParams> ();
      setErrorCallback (quiet);
    }

  /* the stream reads @data where it lies: it must outlive the document */
  auto doc = new PDFDoc (new MemStream (reinterpret_cast<const char *> (data), 0, len, Object (objNull)));

  if (!doc->isOk ())
    {
      switch (doc->getErrorCode ())
        {
        case errEncrypted:
          *result = NB_PDF_OPEN_ENCRYPTED;
          *message = g_strdup ("Document is encrypted");
          break;
        case errBadCatalog:
          *result = NB_PDF_OPEN_DAMAGED;
          *message = g_strdup ("Failed to read the document catalog");
          break;
        case errDamaged:
          *result = NB_PDF_OPEN_DAMAGED;
          *message = g_strdup ("PDF document is damaged");
          break;
        default:
          *result = NB_PDF_OPEN_DAMAGED;
          *message = g_strdup ("Failed to load document");
          break;
        }
      delete doc;
      return nullptr;
    }

  *result = NB_PDF_OPEN_OK;
  *message = nullptr;
  auto self = g_new0 (NbPdfDoc, 1);
  self->doc = doc;
  return self;
}

void
nb_pdf_doc_free (NbPdfDoc *self)
{
  if (self == nullptr)
    return;
  delete self->doc;
  g_free (self);
}

int
nb_pdf_doc_n_pages (NbPdfDoc *self)
{
  return self->doc->getNumPages ();
}

/* The page's size as it is shown: its crop box, turned with the page */
gboolean
nb_pdf_doc_page_size (NbPdfDoc *self,
                      int       index,
                      double   *width,
                      double   *height)
{
  Page *page = self->doc->getPage (index + 1);

  if (page == nullptr)
    return FALSE;
  int rotate = page->getRotate ();
  if (rotate == 90 || rotate == 270)
    {
      *width = page->getCropHeight ();
      *height = page->getCropWidth ();
    }
  else
    {
      *width = page->getCropWidth ();
      *height = page->getCropHeight ();
    }
  return TRUE;
}

/* The words of the page in glyph selection style: lines of words */
static std::vector<TextWordSelection *> **
selection_words (TextPage           *text,
                 const PDFRectangle *area,
                 int                *n_lines)
{
  return text->getSelectionWords (area, selectionStyleGlyph, n_lines);
}

static void
free_selection_words (std::vector<TextWordSelection *> **lines,
                      int                                n_lines)
{
  for (int i = 0; i < n_lines; i++)
    {
      for (TextWordSelection *word : *lines[i])
        delete word;
      delete lines[i];
    }
  gfree (lines);
}

/* The boxes of the characters of the selection's text, as poppler-glib's
 * poppler_page_get_text_layout_for_area() makes them */
static NbPdfRect *
selection_rects (std::vector<TextWordSelection *> **lines,
                 int                                n_lines,
                 guint                             *n_rects)
{
  guint n = n_lines - 1;

  for (int i = 0; i < n_lines; i++)
    {
      const auto &words = *lines[i];

      if (words.empty ())
        continue;  /* poppler-glib would count it as -1 and write past its array */
      n += words.size () - 1;
      for (std::size_t j = 0; j < words.size (); j++)
        {
          n += words[j]->getEnd () - words[j]->getBegin ();
          if (!words[j]->getWord ()->hasSpaceAfter () && j < words.size () - 1)
            n--;
        }
    }

  NbPdfRect *rects = g_new0 (NbPdfRect, n + 1);  /* + 1: the last line's end, never written */
  NbPdfRect *rect = rects;
  guint offset = 0;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;

  for (int i = 0; i < n_lines; i++)
    {
      const auto &words = *lines[i];

      for (std::size_t j = 0; j < words.size (); j++)
        {
          const TextWord *word = words[j]->getWord ();

          for (int k = words[j]->getBegin (); k < words[j]->getEnd () && offset < n; k++)
            {
              rect = rects + offset;
              word->getCharBBox (k, &rect->x1, &rect->y1, &rect->x2, &rect->y2);
              offset++;
            }
          rect = rects + offset;
          word->getBBox (&x1, &y1, &x2, &y2);
          if (word->hasSpaceAfter () && j < words.size () - 1 && offset < n)
            {
              double x3, y3, x4, y4;

              /* the space: from this word to the next, as high as this one */
              words[j + 1]->getWord ()->getBBox (&x3, &y3, &x4, &y4);
              *rect = { x2, y1, x3, y2 };
              offset++;
            }
        }
      if (i < n_lines - 1 && offset > 0 && offset < n)
        {
          *rect = { x2, y2, x2, y2 };  /* the end of the line */
          offset++;
        }
    }
  *n_rects = n;
  return rects;
}

/* The text of the page and a box for each of its characters; FALSE when it has none */
gboolean
nb_pdf_doc_page_text (NbPdfDoc   *self,
                      int         index,
                      char      **text_out,
                      NbPdfRect **rects,
                      guint      *n_rects)
{
  Page *page = self->doc->getPage (index + 1);
  double width, height;

  *text_out = nullptr;
  *rects = nullptr;
  *n_rects = 0;
  if (page == nullptr || !nb_pdf_doc_page_size (self, index, &width, &height))
    return FALSE;

  auto dev = std::make_unique<TextOutputDev> (nullptr, true, 0, false, false);
  std::unique_ptr<Gfx> gfx (page->createGfx (dev.get (), 72.0, 72.0, 0, false, true, -1, -1, -1, -1,
                                             false, nullptr, nullptr));
  page->display (gfx.get ());
  dev->endPage ();
  TextPage *text = dev->takeText ();
  gfx.reset ();
  dev.reset ();

  PDFRectangle area (0, 0, width, height);
  std::unique_ptr<GooString> selected (text->getSelectionText (&area, selectionStyleGlyph));
  int n_lines = 0;
  auto lines = selection_words (text, &area, &n_lines);
  gboolean found = lines != nullptr && n_lines > 0;

  *text_out = g_strdup (selected ? selected->c_str () : "");
  if (found)
    *rects = selection_rects (lines, n_lines, n_rects);
  if (lines != nullptr)
    free_selection_words (lines, n_lines);
  text->decRefCnt ();
  return found;
}
