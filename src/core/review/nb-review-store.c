/* nb-review-store.c — a review set's state, kept in SQLite
 *
 * One file per review set (NAME.nianbao-review). Every change is its own
 * transaction, written to the write-ahead log with synchronous=FULL: the WAL is
 * synced at each commit, so closing the window, killing the process or a power cut
 * loses at most the change being typed, and the file is never left half-written.
 *
 * Reviews are keyed by the SHA-256 of a report's bytes, not by its name, so a
 * renamed report keeps its review. The files table remembers which hash each
 * member had when last seen: a member whose bytes changed after it was reviewed
 * keeps its old hash as "previous", and its old corrections stay listed under it
 * until the reviewer has dealt with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "nb-error.h"
#include "nb-review-store.h"

#define NB_REVIEW_APPLICATION_ID 0x4E425256  /* "NBRV" */
#define NB_REVIEW_SCHEMA_VERSION 1

struct _NbReviewStore
{
  GObject   parent_instance;

  char     *path;
  char     *dir;
  sqlite3  *db;
  gboolean  read_only;
};

G_DEFINE_FINAL_TYPE (NbReviewStore, nb_review_store, G_TYPE_OBJECT)

void
nb_correction_free (NbCorrection *self)
{
  if (self == NULL)
    return;
  g_free (self->cell);
  g_free (self->printed);
  g_free (self->corrected);
  g_free (self);
}

static void
nb_review_store_finalize (GObject *object)
{
  NbReviewStore *self = NB_REVIEW_STORE (object);

  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->dir);
  G_OBJECT_CLASS (nb_review_store_parent_class)->finalize (object);
}

static void
nb_review_store_class_init (NbReviewStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_review_store_finalize;
}

static void
nb_review_store_init (NbReviewStore *self)
{
}

static gboolean
set_db_error (NbReviewStore  *self,
              GError        **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("The review set %s could not be written: %s"),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (NbReviewStore  *self,
      const char     *sql,
      GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_db_error (self, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (NbReviewStore *self,
         const char    *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("review set %s: %s", self->path, sqlite3_errmsg (self->db));
      return NULL;
    }
  return stmt;
}

typedef sqlite3_stmt NbStmt;
static void
nb_stmt_free (NbStmt *stmt)
{
  sqlite3_finalize (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbStmt, nb_stmt_free)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows; TRUE when it ran. */
static gboolean
step_done (NbReviewStore  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_DONE)
    return set_db_error (self, error);
  return TRUE;
}

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS files ("
  "  path TEXT PRIMARY KEY,"
  "  hash TEXT NOT NULL,"
  "  previous_hash TEXT);"
  "CREATE TABLE IF NOT EXISTS reviews ("
  "  hash TEXT PRIMARY KEY,"
  "  status TEXT NOT NULL DEFAULT 'new',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  changed TEXT);"
  "CREATE TABLE IF NOT EXISTS corrections ("
  "  hash TEXT NOT NULL,"
  "  cell TEXT NOT NULL,"
  "  printed TEXT NOT NULL,"
  "  corrected TEXT NOT NULL,"
  "  changed TEXT,"
  "  PRIMARY KEY (hash, cell));";

/**
 * nb_review_store_open:
 * @path: the review set's file (NAME.nianbao-review); created unless @read_only
 *
 * Returns: (transfer full): the store, or %NULL with @error set (a file that is
 *   not a review set, or a newer one, is refused)
 */
NbReviewStore *
nb_review_store_open (const char  *path,
                      gboolean     read_only,
                      GError     **error)
{
  g_autoptr(NbReviewStore) self = NULL;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int app_id = 0, version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (NB_TYPE_REVIEW_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->dir = g_path_get_dirname (self->path);
  self->read_only = read_only;

  if (sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The review set %s could not be opened: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  {
    g_autoptr(NbStmt) stmt = prepare (self, "PRAGMA application_id");

    if (stmt == NULL)
      {
        g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("%s is not a review set"), self->path);
        return NULL;
      }
    if (sqlite3_step (stmt) == SQLITE_ROW)
      app_id = sqlite3_column_int (stmt, 0);
  }
  {
    g_autoptr(NbStmt) stmt = prepare (self, "PRAGMA user_version");

    if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
      version = sqlite3_column_int (stmt, 0);
  }
  if ((app_id != 0 && app_id != NB_REVIEW_APPLICATION_ID) || version > NB_REVIEW_SCHEMA_VERSION ||
      (app_id == 0 && version != 0))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("%s is not a review set of this version"), self->path);
      return NULL;
    }
  if (read_only)
    {
      if (app_id == 0)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("%s is not a review set"), self->path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  /* a commit is synced to the log before it returns: at most the change being
   * typed is lost; readers of the set never block the writer */
  if (!exec (self, "PRAGMA journal_mode=WAL", error) ||
      !exec (self, "PRAGMA synchronous=FULL", error))
    return NULL;
  if (app_id == 0)
    {
      g_autofree char *init = g_strdup_printf ("BEGIN IMMEDIATE;%s"
                                               "PRAGMA application_id=%d;"
                                               "PRAGMA user_version=%d;COMMIT;",
                                               schema_sql, NB_REVIEW_APPLICATION_ID,
                                               NB_REVIEW_SCHEMA_VERSION);

      if (!exec (self, init, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
nb_review_store_get_path (NbReviewStore *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), NULL);
  return self->path;
}

/* A member's name as stored: relative to the set's folder when inside it, so that
 * a folder moved with its review set keeps working. */
static char *
member_name (NbReviewStore *self,
             const char    *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  gsize n = strlen (self->dir);

  if (strncmp (abs, self->dir, n) == 0 && abs[n] == G_DIR_SEPARATOR)
    return g_strdup (abs + n + 1);
  if (g_str_equal (self->dir, "/") && abs[0] == '/')
    return g_strdup (abs + 1);
  return g_steal_pointer (&abs);
}

/**
 * nb_review_store_resolve:
 * @member: a name from nb_review_store_list_files()
 *
 * Returns: (transfer full): the member's absolute path
 */
char *
nb_review_store_resolve (NbReviewStore *self,
                         const char    *member)
{
  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), NULL);
  return g_canonicalize_filename (member, self->dir);
}

/**
 * nb_review_store_list_files:
 *
 * Returns: (transfer full): the set's members as stored, in the order they were added
 */
GStrv
nb_review_store_list_files (NbReviewStore *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), NULL);

  stmt = prepare (self, "SELECT path FROM files ORDER BY rowid");
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (names);
}

gboolean
nb_review_store_has_review (NbReviewStore *self,
                            const char    *hash)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);

  stmt = prepare (self, "SELECT (SELECT count(*) FROM reviews WHERE hash = ?1 AND (status != 'new' OR note != ''))"
                        " + (SELECT count(*) FROM corrections WHERE hash = ?1)");
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, hash);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
}

/**
 * nb_review_store_track_file:
 * @path: a member of the set
 * @hash: the SHA-256 of its bytes now
 * @previous_hash: (out) (optional) (nullable): the hash of the same file when it
 *   was last reviewed, when its bytes have changed since; %NULL otherwise
 *
 * Adds @path to the set, or notes that its bytes are now @hash. The review of the
 * old bytes is kept under their hash, and stays offered (as @previous_hash) until
 * nb_review_store_forget_previous().
 */
gboolean
nb_review_store_track_file (NbReviewStore  *self,
                            const char     *path,
                            const char     *hash,
                            char          **previous_hash,
                            GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *previous = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && hash != NULL, FALSE);

  name = member_name (self, path);
  {
    g_autoptr(NbStmt) stmt = prepare (self, "SELECT hash, previous_hash FROM files WHERE path = ?");

    if (stmt == NULL)
      return set_db_error (self, error);
    bind_text (stmt, 1, name);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        found = TRUE;
        stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        previous = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      }
  }

  if (found && !g_str_equal (stored, hash))
    {
      /* the bytes changed: offer the review of the old ones, unless there was none
       * (then an older reviewed version, if any, stays offered) */
      if (nb_review_store_has_review (self, stored))
        {
          g_free (previous);
          previous = g_strdup (stored);
        }
      if (g_strcmp0 (previous, hash) == 0)
        g_clear_pointer (&previous, g_free);  /* changed back to what was reviewed */
    }

  if (!self->read_only && (!found || !g_str_equal (stored, hash)))
    {
      g_autoptr(NbStmt) stmt = prepare (self, "INSERT INTO files (path, hash, previous_hash) VALUES (?1, ?2, ?3)"
                                              " ON CONFLICT (path) DO UPDATE SET hash = ?2, previous_hash = ?3");

      if (stmt == NULL)
        return set_db_error (self, error);
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, hash);
      bind_text (stmt, 3, previous);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  if (previous_hash)
    *previous_hash = g_steal_pointer (&previous);
  return TRUE;
}

/**
 * nb_review_store_begin:
 *
 * Starts one transaction for many changes (a set's files recorded when it is
 * opened), ended by nb_review_store_commit(): one sync instead of one per file.
 */
gboolean
nb_review_store_begin (NbReviewStore  *self,
                       GError        **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);
  return self->read_only || exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
nb_review_store_commit (NbReviewStore  *self,
                        GError        **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);
  return self->read_only || exec (self, "COMMIT", error);
}

/**
 * nb_review_store_forget_previous:
 *
 * The reviewer has dealt with the changed file's old corrections: stop offering them.
 * They stay stored under the old hash.
 */
gboolean
nb_review_store_forget_previous (NbReviewStore  *self,
                                 const char     *path,
                                 GError        **error)
{
  g_autofree char *name = NULL;
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);

  name = member_name (self, path);
  stmt = prepare (self, "UPDATE files SET previous_hash = NULL WHERE path = ?");
  if (stmt == NULL)
    return set_db_error (self, error);
  bind_text (stmt, 1, name);
  return step_done (self, stmt, error);
}

NbReviewStatus
nb_review_store_get_status (NbReviewStore *self,
                            const char    *hash)
{
  g_autoptr(NbStmt) stmt = NULL;
  NbReviewStatus status = NB_REVIEW_STATUS_NEW;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), status);

  stmt = prepare (self, "SELECT status FROM reviews WHERE hash = ?");
  if (stmt == NULL)
    return status;
  bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    nb_review_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &status);
  return status;
}

gboolean
nb_review_store_set_status (NbReviewStore   *self,
                            const char      *hash,
                            NbReviewStatus   status,
                            GError         **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (hash != NULL, FALSE);

  stmt = prepare (self, "INSERT INTO reviews (hash, status, changed) VALUES (?1, ?2, datetime('now'))"
                        " ON CONFLICT (hash) DO UPDATE SET status = ?2, changed = datetime('now')");
  if (stmt == NULL)
    return set_db_error (self, error);
  bind_text (stmt, 1, hash);
  bind_text (stmt, 2, nb_review_status_to_string (status));
  return step_done (self, stmt, error);
}

/**
 * nb_review_store_get_note:
 *
 * Returns: (transfer full): the note, "" when there is none
 */
char *
nb_review_store_get_note (NbReviewStore *self,
                          const char    *hash)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), NULL);

  stmt = prepare (self, "SELECT note FROM reviews WHERE hash = ?");
  if (stmt == NULL)
    return g_strdup ("");
  bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return g_strdup ("");
}

gboolean
nb_review_store_set_note (NbReviewStore  *self,
                          const char     *hash,
                          const char     *note,
                          GError        **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (hash != NULL, FALSE);

  stmt = prepare (self, "INSERT INTO reviews (hash, note, changed) VALUES (?1, ?2, datetime('now'))"
                        " ON CONFLICT (hash) DO UPDATE SET note = ?2, changed = datetime('now')");
  if (stmt == NULL)
    return set_db_error (self, error);
  bind_text (stmt, 1, hash);
  bind_text (stmt, 2, note ? note : "");
  return step_done (self, stmt, error);
}

/**
 * nb_review_store_get_corrections:
 *
 * Returns: (transfer full) (element-type NbCorrection): the corrections made to the
 *   report with these bytes, by cell id
 */
GPtrArray *
nb_review_store_get_corrections (NbReviewStore *self,
                                 const char    *hash)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_correction_free);
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), all);

  stmt = prepare (self, "SELECT cell, printed, corrected FROM corrections WHERE hash = ? ORDER BY cell");
  if (stmt == NULL)
    return all;
  bind_text (stmt, 1, hash);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NbCorrection *c = g_new0 (NbCorrection, 1);

      c->cell = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      c->printed = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->corrected = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (all, c);
    }
  return all;
}

/**
 * nb_review_store_set_correction:
 * @printed: the value as the report prints it ("" for blank)
 * @corrected: (nullable): the reviewer's value ("" for blank); %NULL takes the
 *   correction back
 */
gboolean
nb_review_store_set_correction (NbReviewStore  *self,
                                const char     *hash,
                                const char     *cell,
                                const char     *printed,
                                const char     *corrected,
                                GError        **error)
{
  g_autoptr(NbStmt) stmt = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (hash != NULL && cell != NULL, FALSE);

  if (corrected == NULL)
    stmt = prepare (self, "DELETE FROM corrections WHERE hash = ?1 AND cell = ?2");
  else
    stmt = prepare (self, "INSERT INTO corrections (hash, cell, printed, corrected, changed)"
                          " VALUES (?1, ?2, ?3, ?4, datetime('now'))"
                          " ON CONFLICT (hash, cell) DO UPDATE SET corrected = ?4, changed = datetime('now')");
  if (stmt == NULL)
    return set_db_error (self, error);
  bind_text (stmt, 1, hash);
  bind_text (stmt, 2, cell);
  if (corrected)
    {
      bind_text (stmt, 3, printed ? printed : "");
      bind_text (stmt, 4, corrected);
    }
  return step_done (self, stmt, error);
}
