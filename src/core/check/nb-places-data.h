/* nb-places-data.h — the national administrative divisions, indexed at build time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gen-places.py turns data/divisions.txt and data/t2s.txt into constant tables
 * (nb-places-data.c in the build tree): the check reads them where they lie, with
 * nothing to parse, hash or allocate when a process starts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NB_PLACES_MAX_NAME 10   /* characters in a name the near-miss index holds, at most */
#define NB_PLACES_N_SUFFIXES 9  /* 县市区旗州盟镇乡省: the characters that end a division's name */

typedef enum
{
  NB_PLACE_PROVINCE,
  NB_PLACE_PREFECTURE,
  NB_PLACE_COUNTY,
  NB_PLACE_TOWN,
} NbPlaceLevel;

typedef struct
{
  guint32 start;  /* the name: chars[start .. start + len) */
  guint32 code;   /* province (2 digits), prefecture (4) or county (6); a town has its county's */
  guint8  len;
  guint8  level;  /* NbPlaceLevel */
} NbPlace;

typedef struct
{
  guint32 from;
  guint32 to;
} NbPlaceT2S;

typedef struct
{
  const guint16    *chars;    /* every name, one after another (all in the BMP) */
  const NbPlace    *all;      /* in the list's order: a name's first division is its highest */
  guint             n_all;
  const guint32    *by_name;  /* indices into all, sorted by name; equal names in the list's order */
  /* the names by their last character and length, for near misses: by_end[bucket[k] ..
   * bucket[k + 1]) for k = suffix * (NB_PLACES_MAX_NAME + 1) + length, where suffix is
   * 1 + the index of the last character in suffixes */
  const guint32    *by_end;
  const guint32    *bucket;
  const gunichar   *suffixes;  /* NB_PLACES_N_SUFFIXES of them */
  const guint8     *used;      /* a bit for each BMP character some name uses */
  const NbPlaceT2S *t2s;       /* sorted by from */
  guint             n_t2s;
} NbPlacesData;

extern const NbPlacesData nb_places_data;

G_END_DECLS
