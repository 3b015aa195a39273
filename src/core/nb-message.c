/* nb-message.c — a finding's message, from its rule's templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-message-private.h"
#include "nb-number.h"
#include "check/nb-rules.h"

#define MAX_ARGS 12  /* the most figures a message takes (the balance's: 7) */

typedef struct
{
  const char *name;  /* a string literal at the call */
  char       *zh;
  char       *en;
} Arg;

struct _NbMessage
{
  const char          *rule;      /* the finding's rule */
  const NbRuleMessage *template;
  Arg                  args[MAX_ARGS];
  guint                n_args;
};

/**
 * nb_message_new:
 * @rule: the rule whose templates say it (and, unless nb_message_set_rule () says
 *   otherwise, the finding's rule); a string that outlives the message
 * @key: which of the rule's templates
 *
 * Returns: (transfer full): a message to give figures to, or %NULL (a critical)
 *   when the rule table has no such template
 */
NbMessage *
nb_message_new (const char *rule,
                const char *key)
{
  const NbRuleMessage *template = nb_rules_lookup_message (rule, key);
  NbMessage *self;

  if (template == NULL)
    {
      g_critical ("the rule table has no message %s/%s", rule, key);
      return NULL;
    }
  self = g_new0 (NbMessage, 1);
  self->rule = rule;
  self->template = template;
  return self;
}

void
nb_message_free (NbMessage *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_args; i++)
    {
      g_free (self->args[i].zh);
      g_free (self->args[i].en);
    }
  g_free (self);
}

/**
 * nb_message_set_rule:
 * @rule: the rule the finding names, when it is not the one whose template it takes
 *   (an equation of the description worded in general terms); a string that outlives
 *   the message
 */
void
nb_message_set_rule (NbMessage  *self,
                     const char *rule)
{
  g_return_if_fail (self != NULL && rule != NULL);
  self->rule = rule;
}

static Arg *
arg_for (NbMessage  *self,
         const char *name)
{
  Arg *a;

  for (guint i = 0; i < self->n_args; i++)
    if (strcmp (self->args[i].name, name) == 0)
      {
        g_clear_pointer (&self->args[i].zh, g_free);
        g_clear_pointer (&self->args[i].en, g_free);
        return &self->args[i];
      }
  g_return_val_if_fail (self->n_args < MAX_ARGS, NULL);
  a = &self->args[self->n_args++];
  a->name = name;
  return a;
}

/**
 * nb_message_set_lang:
 * @name: the placeholder, {@name} in the templates; a string literal
 *
 * Gives {@name} the value @zh in the Chinese message and @en in the English one.
 */
void
nb_message_set_lang (NbMessage  *self,
                     const char *name,
                     const char *zh,
                     const char *en)
{
  Arg *a;

  g_return_if_fail (self != NULL && name != NULL && zh != NULL && en != NULL);
  a = arg_for (self, name);
  g_return_if_fail (a != NULL);
  a->zh = g_strdup (zh);
  a->en = g_strdup (en);
}

/* {name} is @value in both languages */
void
nb_message_set (NbMessage  *self,
                const char *name,
                const char *value)
{
  nb_message_set_lang (self, name, value, value);
}

void
nb_message_set_int (NbMessage  *self,
                    const char *name,
                    gint64      value)
{
  char s[24];

  g_snprintf (s, sizeof s, "%" G_GINT64_FORMAT, value);
  nb_message_set (self, name, s);
}

/* {name} is @value as every number is written (nb_format_number ()) */
void
nb_message_set_number (NbMessage  *self,
                       const char *name,
                       double      value)
{
  g_autofree char *s = nb_format_number (value);

  nb_message_set (self, name, s);
}

static const Arg *
find_arg (const NbMessage *self,
          const char      *name,
          gsize            len)
{
  for (guint i = 0; i < self->n_args; i++)
    if (strncmp (self->args[i].name, name, len) == 0 && self->args[i].name[len] == '\0')
      return &self->args[i];
  return NULL;
}

static gsize
placeholder_length (const char *p)
{
  gsize n = 0;

  while (g_ascii_islower (p[n]) || g_ascii_isdigit (p[n]) || p[n] == '_')
    n++;
  return n > 0 && p[n] == '}' ? n : 0;
}

/**
 * nb_message_expand:
 * @english: the English template, else the Chinese
 *
 * Returns: (transfer full): the template with each {name} replaced by its value;
 *   a brace that does not open a {name} is itself
 */
char *
nb_message_expand (const NbMessage *self,
                   gboolean         english)
{
  const char *t;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  t = english ? self->template->en : self->template->zh;
  out = g_string_sized_new (strlen (t) + 64);
  while (*t)
    {
      const char *brace = strchr (t, '{');
      gsize n;
      const Arg *a;

      if (brace == NULL)
        {
          g_string_append (out, t);
          break;
        }
      g_string_append_len (out, t, brace - t);
      n = placeholder_length (brace + 1);
      a = n > 0 ? find_arg (self, brace + 1, n) : NULL;
      if (n > 0 && a == NULL)
        g_critical ("message %s/%s: no value for {%.*s}", self->template->rule, self->template->key,
                    (int) n, brace + 1);
      if (a != NULL)
        g_string_append (out, english ? a->en : a->zh);
      else
        g_string_append_len (out, brace, n + (n > 0 ? 2 : 1));
      t = brace + (n > 0 ? n + 2 : 1);
    }
  return g_string_free (out, FALSE);
}

/**
 * nb_message_to_finding:
 *
 * Returns: (transfer full): a finding of the message's rule saying it in both languages
 */
NbFinding *
nb_message_to_finding (const NbMessage *self,
                       NbSeverity       severity)
{
  g_autofree char *zh = NULL, *en = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  zh = nb_message_expand (self, FALSE);
  en = nb_message_expand (self, TRUE);
  return nb_finding_new (self->rule, severity, zh, en);
}
