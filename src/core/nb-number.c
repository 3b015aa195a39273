/* nb-number.c — numbers written as a report prints them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the core, the command line, the exports and the window write a
 * number: a whole number as its digits, any other in decimal notation with
 * up to 15 significant digits and no trailing zeros, a point whatever the
 * locale, never an exponent.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-number.h"

/* The digits a double holds for certain */
#define SIGNIFICANT_DIGITS 15
/* From here on, a whole number is written as a decimal */
#define MAX_WHOLE 1e15

/**
 * nb_append_number:
 * @out: where the number goes
 *
 * Appends @value: "12", "-3", "96171.6", "0.00001234".
 */
void
nb_append_number (GString *out,
                  double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 320];  /* room for %f of the largest double */
  char *e;

  if (value == floor (value) && fabs (value) < MAX_WHOLE)
    {
      g_string_append_printf (out, "%.0f", value);
      return;
    }
  if (!isfinite (value))
    {
      g_string_append (out, isnan (value) ? "nan" : value > 0 ? "inf" : "-inf");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (strchr (buf, 'e') != NULL)
    {
      /* the same digits in decimal notation */
      int exponent = (int) floor (log10 (fabs (value)));
      int decimals = CLAMP (SIGNIFICANT_DIGITS - 1 - exponent, 0, 300);
      g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

      g_ascii_formatd (buf, sizeof buf, format, value);
    }
  if (strchr (buf, '.') != NULL)
    {
      e = buf + strlen (buf) - 1;
      while (e > buf && *e == '0')
        *e-- = '\0';
      if (*e == '.')
        *e = '\0';
    }
  g_string_append (out, buf);
}

/**
 * nb_format_number:
 *
 * Returns: (transfer full): @value as nb_append_number() writes it
 */
char *
nb_format_number (double value)
{
  GString *out = g_string_new (NULL);

  nb_append_number (out, value);
  return g_string_free (out, FALSE);
}
