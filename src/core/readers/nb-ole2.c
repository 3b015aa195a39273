/* nb-ole2.c — a look at an OLE2 compound file's directory before libgsf reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgsf builds an OLE2 directory by recursing into each entry's left sibling, right
 * sibling and child. The siblings are meant to form a red-black tree, a few levels deep,
 * but nothing stops a file from chaining 60,000 entries one after another, and that
 * recursion then overflows the stack. Here the directory's sector chain is followed
 * through the FAT and its tree walked with an explicit stack and a visited bitmap, so that
 * a directory deeper than MAX_TREE_DEPTH is refused before libgsf sees it.
 *
 * Only what libgsf would trip on is refused: a header or chain this walk cannot follow is
 * left to libgsf, which reports it as damaged.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#define HEADER_SIZE      512
#define HEADER_DIFAT     109
#define DIRENT_SIZE      128
#define SECT_MAX         0xFFFFFFFAu
#define END_OF_CHAIN     0xFFFFFFFEu
#define NO_STREAM        0xFFFFFFFFu
/* links followed from the root to any entry (siblings and children alike); a balanced
 * tree of a million entries is 40 deep, the longest chains real writers leave a few
 * hundred */
#define MAX_TREE_DEPTH   2048

typedef struct
{
  const guint8 *data;
  gsize         len;
  guint         shift;
  guint32      *fat;
  gsize         n_fat;
} Ole2;

static guint32
read_u32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* The bytes of sector @sect, or NULL when it lies beyond the file */
static const guint8 *
sector (Ole2    *ole,
        guint32  sect)
{
  guint64 offset = ((guint64) sect + 1) << ole->shift;

  if (sect > SECT_MAX || offset + (1u << ole->shift) > ole->len)
    return NULL;
  return ole->data + offset;
}

static void
add_fat_sector (Ole2    *ole,
                guint32  sect)
{
  const guint8 *p = sector (ole, sect);
  guint per = (1u << ole->shift) / 4;

  if (p == NULL)
    return;
  ole->fat = g_renew (guint32, ole->fat, ole->n_fat + per);
  for (guint i = 0; i < per; i++)
    ole->fat[ole->n_fat + i] = read_u32 (p + 4 * i);
  ole->n_fat += per;
}

/* The FAT, from the header's DIFAT and the DIFAT sectors after it */
static gboolean
read_fat (Ole2 *ole)
{
  const guint8 *h = ole->data;
  guint32 n_fat_sectors = read_u32 (h + 0x2C);
  guint32 difat = read_u32 (h + 0x44);
  guint per = (1u << ole->shift) / 4;
  gsize max_sectors = ole->len >> ole->shift;
  guint32 added = 0;

  if (n_fat_sectors > max_sectors)
    return FALSE;
  for (guint i = 0; i < HEADER_DIFAT && added < n_fat_sectors; i++, added++)
    add_fat_sector (ole, read_u32 (h + 0x4C + 4 * i));
  /* each DIFAT sector: per - 1 FAT sector numbers, then the next DIFAT sector */
  for (gsize hops = 0; added < n_fat_sectors && difat <= SECT_MAX; hops++)
    {
      const guint8 *p = sector (ole, difat);

      if (p == NULL || hops > max_sectors)
        return FALSE;
      for (guint i = 0; i + 1 < per && added < n_fat_sectors; i++, added++)
        add_fat_sector (ole, read_u32 (p + 4 * i));
      difat = read_u32 (p + 4 * (per - 1));
    }
  return ole->n_fat > 0;
}

/* The directory's bytes, its sectors joined in chain order, or NULL */
static GByteArray *
read_directory (Ole2 *ole)
{
  GByteArray *dir = g_byte_array_new ();
  guint32 sect = read_u32 (ole->data + 0x30);
  gsize hops = 0;

  while (sect != END_OF_CHAIN)
    {
      const guint8 *p = sector (ole, sect);

      if (p == NULL || sect >= ole->n_fat || hops++ > ole->n_fat)
        {
          g_byte_array_unref (dir);
          return NULL;
        }
      g_byte_array_append (dir, p, 1u << ole->shift);
      sect = ole->fat[sect];
    }
  return dir;
}

typedef struct
{
  guint32 id;
  guint   depth;
} Pending;

/* Whether the tree under the root entry stays within MAX_TREE_DEPTH */
static gboolean
tree_is_shallow (const guint8 *dir,
                 guint32       n_entries)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autofree guint8 *visited = g_malloc0 (n_entries / 8 + 1);
  Pending root = { 0, 0 };

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      Pending p = g_array_index (stack, Pending, stack->len - 1);
      const guint8 *e;
      guint32 next[3];

      g_array_set_size (stack, stack->len - 1);
      if (p.id >= n_entries || (visited[p.id / 8] & (1 << (p.id % 8))))
        continue;  /* libgsf skips those itself */
      if (p.depth > MAX_TREE_DEPTH)
        return FALSE;
      visited[p.id / 8] |= 1 << (p.id % 8);
      e = dir + (gsize) p.id * DIRENT_SIZE;
      next[0] = read_u32 (e + 0x44);  /* left sibling */
      next[1] = read_u32 (e + 0x48);  /* right sibling */
      next[2] = read_u32 (e + 0x4C);  /* child */
      for (guint i = 0; i < 3; i++)
        if (next[i] != NO_STREAM)
          {
            Pending q = { next[i], p.depth + 1 };

            g_array_append_val (stack, q);
          }
    }
  return TRUE;
}

/**
 * nb_ole2_check_directory:
 *
 * Returns: %FALSE with @error set when the OLE2 file's directory is a tree too deep for
 *   libgsf's recursive reading; %TRUE otherwise (also when the file is too damaged for
 *   this look, which libgsf then reports)
 */
gboolean
nb_ole2_check_directory (const guint8  *data,
                         gsize          len,
                         GError       **error)
{
  Ole2 ole = { data, len, 0, NULL, 0 };
  g_autoptr(GByteArray) dir = NULL;
  gboolean shallow;
  guint shift;

  if (len < HEADER_SIZE)
    return TRUE;
  shift = data[0x1E] | (data[0x1F] << 8);
  if (shift < 7 || shift > 16)
    return TRUE;
  ole.shift = shift;
  if (!read_fat (&ole) || (dir = read_directory (&ole)) == NULL)
    {
      g_free (ole.fat);
      return TRUE;
    }
  g_free (ole.fat);

  shallow = tree_is_shallow (dir->data, dir->len / DIRENT_SIZE);
  if (!shallow)
    g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                 _("The Word document is damaged: its directory of streams is nested more "
                   "than %d levels deep"), MAX_TREE_DEPTH);
  return shallow;
}
