/* nb-export.h — JSON (SCHEMA.md), CSV and XLSX output, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

typedef enum
{
  NB_EXPORT_JSON,
  NB_EXPORT_CSV,
  NB_EXPORT_XLSX,
} NbExportFormat;

JsonNode *nb_report_to_json_node (NbReport        *self);
char     *nb_report_to_json      (NbReport        *self,
                                  gboolean         pretty,
                                  gsize           *length);
char     *nb_report_to_json_as   (NbReport        *self,
                                  const char      *filename,
                                  gsize           *length);
char     *nb_report_to_csv       (NbReport        *self,
                                  const char      *lang,
                                  gsize           *length);
GBytes   *nb_report_to_xlsx      (NbReport        *self,
                                  GError         **error);
gboolean  nb_export_can_write_xlsx (void);
gboolean  nb_report_export       (NbReport        *self,
                                  const char      *path,
                                  NbExportFormat   format,
                                  GError         **error);
gboolean  nb_write_file_atomic   (const char      *path,
                                  const char      *data,
                                  gsize            length,
                                  GError         **error);
char     *nb_report_suggest_filename (NbReport    *self,
                                      const char  *extension);

G_END_DECLS
