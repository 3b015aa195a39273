/* nb-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-finding.h"

struct _NbFinding
{
  GObject     parent_instance;

  char       *rule;
  NbSeverity  severity;
  char       *message_zh;
  char       *message_en;
  GArray     *cells;  /* guint */
  GArray     *spans;  /* NbSpan */
};

G_DEFINE_FINAL_TYPE (NbFinding, nb_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_SEVERITY,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_finding_finalize (GObject *object)
{
  NbFinding *self = (NbFinding *) object;

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->message_zh, g_free);
  g_clear_pointer (&self->message_en, g_free);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (nb_finding_parent_class)->finalize (object);
}

static void
nb_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NbFinding *self = NB_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, nb_finding_get_message (self, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_finding_class_init (NbFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_finding_finalize;
  object_class->get_property = nb_finding_get_property;

  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL, NB_SEVERITY_INFO, NB_SEVERITY_ERROR, NB_SEVERITY_INFO,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_finding_init (NbFinding *self)
{
  self->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  self->spans = g_array_new (FALSE, FALSE, sizeof (NbSpan));
}

NbFinding *
nb_finding_new (const char *rule,
                NbSeverity  severity,
                const char *message_zh,
                const char *message_en)
{
  NbFinding *self = g_object_new (NB_TYPE_FINDING, NULL);

  self->rule = g_strdup (rule);
  self->severity = severity;
  self->message_zh = g_strdup (message_zh);
  self->message_en = g_strdup (message_en);
  return self;
}

const char *
nb_finding_get_rule (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);
  return self->rule;
}

NbSeverity
nb_finding_get_severity (NbFinding *self)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NB_SEVERITY_INFO);
  return self->severity;
}

/**
 * nb_finding_get_message:
 * @lang: (nullable): "zh_CN", "en", or %NULL for the user's locale
 */
const char *
nb_finding_get_message (NbFinding  *self,
                        const char *lang)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);

  if (lang == NULL)
    {
      const char *const *langs = g_get_language_names ();

      lang = "en";
      for (guint i = 0; langs[i]; i++)
        {
          if (g_str_has_prefix (langs[i], "zh"))
            {
              lang = "zh_CN";
              break;
            }
          if (g_str_has_prefix (langs[i], "en") || strcmp (langs[i], "C") == 0)
            break;
        }
    }
  return g_str_has_prefix (lang, "zh") ? self->message_zh : self->message_en;
}

void
nb_finding_add_cell (NbFinding *self,
                     guint      cell)
{
  g_return_if_fail (NB_IS_FINDING (self));
  if (!nb_finding_has_cell (self, cell))
    g_array_append_val (self->cells, cell);
}

void
nb_finding_add_span (NbFinding *self,
                     NbSpan     span)
{
  g_return_if_fail (NB_IS_FINDING (self));
  if (!nb_span_is_set (span))
    return;
  for (guint i = 0; i < self->spans->len; i++)
    {
      NbSpan *s = &g_array_index (self->spans, NbSpan, i);

      if (s->start == span.start && s->end == span.end)
        return;
    }
  g_array_append_val (self->spans, span);
}

const guint *
nb_finding_get_cells (NbFinding *self,
                      guint     *n_cells)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);
  *n_cells = self->cells->len;
  return (const guint *) (gpointer) self->cells->data;
}

const NbSpan *
nb_finding_get_spans (NbFinding *self,
                      guint     *n_spans)
{
  g_return_val_if_fail (NB_IS_FINDING (self), NULL);
  *n_spans = self->spans->len;
  return (const NbSpan *) (gpointer) self->spans->data;
}

gboolean
nb_finding_has_cell (NbFinding *self,
                     guint      cell)
{
  g_return_val_if_fail (NB_IS_FINDING (self), FALSE);
  for (guint i = 0; i < self->cells->len; i++)
    if (g_array_index (self->cells, guint, i) == cell)
      return TRUE;
  return FALSE;
}

gboolean
nb_finding_equal (NbFinding *a,
                  NbFinding *b)
{
  return a->severity == b->severity &&
         g_strcmp0 (a->rule, b->rule) == 0 &&
         g_strcmp0 (a->message_en, b->message_en) == 0 &&
         a->cells->len == b->cells->len &&
         memcmp (a->cells->data, b->cells->data, a->cells->len * sizeof (guint)) == 0;
}
