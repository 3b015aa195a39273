/* nb-parse-departures.c — a report's own departures from the template's rows in section 三:
 * a row group printed as one row (template.merged_rows), and a fixed row label printed with
 * other wording, recognised by its place and its nearest template label (template.label)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-parse-private.h"

#define MAX_LABEL_CHARS 64  /* characters of a label compared */

/* @s normalised as the parser's labels are (NFKC, no blanks), as characters */
static guint
label_chars (const char *s,
             gunichar   *out,
             guint       max)
{
  g_autofree char *norm = g_utf8_normalize (s, -1, G_NORMALIZE_NFKC);
  guint n = 0;

  for (const char *q = norm; q && *q && n < max; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (!g_unichar_isspace (c))
        out[n++] = c;
    }
  return n;
}

/* The characters after a leading ordinal: "2.", "2、", "(三)" */
static guint
skip_ordinal (const gunichar *s,
              guint           n)
{
  guint i = 0;

  if (n > 2 && s[0] == '(')
    {
      while (i < n && s[i] != ')')
        i++;
      return i < n && i <= 4 ? i + 1 : 0;
    }
  while (i < n && is_digit (s[i]))
    i++;
  if (i > 0 && i < n && (s[i] == '.' || s[i] == 0x3001))
    return i + 1;
  return 0;
}

/**
 * nb_parse_row_group:
 * @row: a row of section 三
 * @first: (out): the group's first row
 * @heading: (out caller-allocates): its heading as the parser's labels have it ("(六)其他处理")
 *
 * The rows of the template that share a group (their ids' part before the dot, as
 * other.no_correction, other.no_fee, other.other) and whose first row's label starts with
 * the group's heading ("（六）其他处理 1.申请人…").
 *
 * Returns: the number of rows in @row's group, 0 when it is in none
 */
static guint
row_group (NbEdition  edition,
           guint      row,
           guint     *first,
           GString   *heading)
{
  guint n_rows = nb_schema_get_n_request_rows (edition);
  const char *id = nb_schema_get_request_row_id (edition, row);
  const char *dot = strchr (id, '.');
  gsize prefix = dot ? (gsize) (dot - id + 1) : 0;
  const char *zh, *space;
  guint a = row, b = row;

  if (prefix == 0)
    return 0;
  while (a > 0 && strncmp (nb_schema_get_request_row_id (edition, a - 1), id, prefix) == 0)
    a--;
  while (b + 1 < n_rows && strncmp (nb_schema_get_request_row_id (edition, b + 1), id, prefix) == 0)
    b++;
  zh = nb_schema_get_request_row_label (edition, a);
  space = strchr (zh, ' ');
  if (b == a || space == NULL)
    return 0;
  *first = a;
  if (heading != NULL)
    {
      gunichar c[MAX_LABEL_CHARS];
      g_autofree char *head = g_strndup (zh, space - zh);
      guint n = label_chars (head, c, MAX_LABEL_CHARS);

      g_string_truncate (heading, 0);
      for (guint i = 0; i < n; i++)
        g_string_append_unichar (heading, c[i]);
    }
  return b - a + 1;
}

/* The group whose heading @label ends with, when none of its rows is found yet: its first
 * row, or -1 */
int
nb_parse_merged_group (NbEdition       edition,
                       const char     *label,
                       const gboolean *found,
                       guint          *n_group)
{
  guint n_rows = nb_schema_get_n_request_rows (edition);
  g_autoptr(GString) heading = g_string_new (NULL);
  gsize len = strlen (label);

  for (guint r = 0; r < n_rows; r++)
    {
      guint first = 0, n = row_group (edition, r, &first, heading);
      gboolean any = FALSE;

      if (n == 0 || first != r)
        continue;
      for (guint k = 0; k < n; k++)
        any |= found[first + k];
      if (!any && len >= heading->len && strcmp (label + len - heading->len, heading->str) == 0)
        {
          *n_group = n;
          return first;
        }
      r = first + n - 1;
    }
  return -1;
}

void
nb_parse_note_merged_rows (Parser *p,
                           guint   first,
                           guint   n,
                           guint   label_start,
                           guint   label_end)
{
  NbEdition edition = p->report->edition;
  g_autoptr(GString) heading = g_string_new (NULL);
  g_autoptr(GString) rows_zh = g_string_new (NULL);
  g_autoptr(GString) rows_en = g_string_new (NULL);
  g_autoptr (NbMessage) m = nb_message_new ("template.merged_rows", "merged");
  guint group_first = first;
  NbFinding *f;

  row_group (edition, first, &group_first, heading);
  for (guint k = 0; k < n; k++)
    {
      const char *label = nb_schema_get_request_row_label (edition, first + k);
      const char *space = k == 0 ? strchr (label, ' ') : NULL;

      g_string_append_printf (rows_zh, "%s%s", k ? "、" : "", space ? space + 1 : label);
      g_string_append_printf (rows_en, "%s%s", k ? "; " : "", nb_schema_get_request_row_english (edition, first + k));
    }
  nb_message_set (m, "heading", heading->str);
  nb_message_set_int (m, "n_rows", n);
  nb_message_set_lang (m, "rows", rows_zh->str, rows_en->str);
  f = nb_parse_add_message (p, m, NB_SEVERITY_WARNING);
  nb_finding_add_span (f, nb_report_norm_span (p->report, label_start, label_end));
  for (guint k = 0; k < n; k++)
    for (guint c = 0; c < N_COLS; c++)
      nb_finding_add_cell (f, nb_schema_request_cell (edition, first + k, c));
}

/* The longest common subsequence of two short strings */
static guint
common_chars (const gunichar *a,
              guint           na,
              const gunichar *b,
              guint           nb)
{
  guint prev[MAX_LABEL_CHARS + 1] = { 0 }, cur[MAX_LABEL_CHARS + 1] = { 0 };

  for (guint i = 1; i <= na; i++)
    {
      for (guint j = 1; j <= nb; j++)
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : MAX (prev[j], cur[j - 1]);
      memcpy (prev, cur, sizeof prev);
    }
  return prev[nb];
}

/* Whether @label (as the parser has it) is row @row's label printed with other wording:
 * the same ordinal, and seven in ten of the characters of each in the other, in order */
gboolean
nb_parse_label_like_row (NbEdition   edition,
                         const char *label,
                         guint       row)
{
  const char *zh = nb_schema_get_request_row_label (edition, row);
  const char *space = strchr (zh, ' ');
  gunichar a[MAX_LABEL_CHARS], b[MAX_LABEL_CHARS];
  guint na = label_chars (label, a, MAX_LABEL_CHARS);
  guint nb = label_chars (space ? space + 1 : zh, b, MAX_LABEL_CHARS);
  guint oa = skip_ordinal (a, na), ob = skip_ordinal (b, nb), common;

  /* the printed label may carry the group's heading before it */
  if (oa == 0 && ob > 0)
    for (guint i = 0; i + ob <= na; i++)
      if (memcmp (a + i, b, ob * sizeof (gunichar)) == 0)
        {
          oa = i + ob;
          break;
        }
  if (ob != 0 && (oa < ob || memcmp (a + oa - ob, b, ob * sizeof (gunichar)) != 0))
    return FALSE;
  if (na - oa < 4 || nb - ob < 4)
    return FALSE;
  common = common_chars (a + oa, na - oa, b + ob, nb - ob);
  return common * 10 >= (nb - ob) * 7 && common * 10 >= (na - oa) * 7;
}

void
nb_parse_note_label (Parser     *p,
                     guint       row,
                     const char *printed,
                     guint       label_start,
                     guint       label_end)
{
  NbEdition edition = p->report->edition;
  const char *zh_label = nb_schema_get_request_row_label (edition, row);
  const char *own = strrchr (zh_label, ' ') ? strrchr (zh_label, ' ') + 1 : zh_label;
  const char *dot = strchr (own, '.');
  g_autofree char *ordinal = dot && dot - own <= 2 ? g_strndup (own, dot - own + 1) : NULL;
  const char *at = ordinal ? strstr (printed, ordinal) : NULL;
  g_autoptr (NbMessage) m = nb_parse_label_message_new ("row");
  NbFinding *f;

  /* the printed label from its ordinal on: a table's header may be glued before it */
  if (at != NULL)
    printed = at;
  nb_message_set (m, "row", zh_label);
  nb_message_set (m, "row_en", nb_schema_get_request_row_english (edition, row));
  nb_message_set (m, "printed", printed);
  f = nb_parse_add_message (p, m, NB_SEVERITY_WARNING);

  if (label_end > label_start)
    nb_finding_add_span (f, nb_report_norm_span (p->report, label_start, label_end));
  for (guint c = 0; c < N_COLS; c++)
    nb_finding_add_cell (f, nb_schema_request_cell (edition, row, c));
}

/* Where the first (@last FALSE) or last key of @row occurs in @labels at or after @from:
 * its start and end, FALSE when none does */
static gboolean
find_key (NbEdition   edition,
          const char *labels,
          guint       row,
          gsize       from,
          gboolean    last,
          gsize      *start,
          gsize      *end)
{
  const NbTemplateRow *tr = &nb_template_get (edition)->rows[row];
  gboolean found = FALSE;

  for (guint k = 0; k < tr->n_keys; k++)
    {
      const char *key = tr->keys[k].text;
      const char *hit = last ? nb_parse_last_occurrence (labels + from, key) : strstr (labels + from, key);
      gsize a;

      if (tr->keys[k].at_end || hit == NULL)
        continue;
      a = hit - labels;
      if (!found || (last ? a > *start : a < *start))
        {
          *start = a;
          *end = a + strlen (key);
          found = TRUE;
        }
    }
  return found;
}

/**
 * nb_parse_printed_like_row:
 * @labels: all the table's labels, as the parser has them
 *
 * A row printed with all its cells empty and its label worded otherwise: the labels between
 * the rows before and after it (both found) are its label when they are like it
 * (nb_parse_label_like_row()); then template.label says so.
 *
 * Returns: whether the row is printed
 */
gboolean
nb_parse_printed_like_row (Parser     *p,
                           const char *labels,
                           guint       row)
{
  NbEdition edition = p->report->edition;
  gsize a1 = 0, e1 = 0, a2 = 0, e2 = 0, cut;
  g_autofree char *between = NULL;

  if (row == 0 || row + 1 >= nb_schema_get_n_request_rows (edition) ||
      !find_key (edition, labels, row - 1, 0, TRUE, &a1, &e1) ||
      !find_key (edition, labels, row + 1, e1, FALSE, &a2, &e2))
    return FALSE;
  /* the next row's ordinal before its key ("3." of 3.危及…) is not this row's label */
  cut = a2;
  while (cut > e1 && (labels[cut - 1] == '.' || g_ascii_isdigit (labels[cut - 1])))
    cut--;
  if (cut == e1 || cut - e1 > 4 * MAX_LABEL_CHARS)
    return FALSE;
  between = g_strndup (labels + e1, cut - e1);
  if (!nb_parse_label_like_row (edition, between, row))
    return FALSE;
  nb_parse_note_label (p, row, between, 0, 0);
  return TRUE;
}

/* A bare row of numbers read as the one template row missing between the rows
 * around it (a label lost by a PDF-to-markdown tool): template.label says so */
void
nb_parse_note_bare_row (Parser *p,
                        guint   row,
                        guint   start,
                        guint   end)
{
  NbEdition edition = p->report->edition;
  g_autoptr (NbMessage) m = nb_parse_label_message_new ("bare_row");
  NbFinding *f;

  nb_message_set (m, "row", nb_schema_get_request_row_label (edition, row));
  nb_message_set (m, "row_en", nb_schema_get_request_row_english (edition, row));
  f = nb_parse_add_message (p, m, NB_SEVERITY_WARNING);
  if (end > start)
    nb_finding_add_span (f, nb_report_norm_span (p->report, start, end));
  for (guint c = 0; c < N_COLS; c++)
    nb_finding_add_cell (f, nb_schema_request_cell (edition, row, c));
}

/**
 * nb_parse_label_message_new:
 * @key: which of its messages
 *
 * A template.label message: wording printed otherwise than the template's,
 * in a row label (above) or in a section heading (nb-check-sections.c).
 * The rule's id is written in this file only.
 */
NbMessage *
nb_parse_label_message_new (const char *key)
{
  return nb_message_new ("template.label", key);
}
