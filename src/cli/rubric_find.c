/* Rubric lookup; see rubric_find.h. */
#include "rubric_find.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_msg.h"
#include "diag_print.h"
#include "exitcode.h"

#ifndef PEKPPP_DATADIR
#define PEKPPP_DATADIR "/usr/local/share/pekppp"
#endif

void cli_rubrics_init(cli_rubrics *rs, int lang)
{
    memset(rs, 0, sizeof(*rs));
    rs->lang = lang;
}

void cli_rubrics_free(cli_rubrics *rs)
{
    size_t i;
    for (i = 0; i < rs->nloaded; i++)
        pekppp_rubric_free(rs->loaded[i]);
    rs->nloaded = 0;
}

static int load_rubric(cli_rubrics *rs, const char *path, const pekppp_rubric **out,
                       pekppp_error *err)
{
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    int error;
    if (rs->nloaded == sizeof(rs->loaded) / sizeof(rs->loaded[0]))
        return PEKPPP_ELIMIT;
    opts.diag = rs->diag ? rs->diag : cli_diag_cb;
    opts.payload = rs->diag_payload;
    error = pekppp_rubric_load_file(&r, path, &opts, err);
    if (error < 0)
        return error;
    rs->loaded[rs->nloaded++] = r;
    *out = r;
    return 0;
}

int cli_rubrics_load_given(cli_rubrics *rs, const pekppp_rubric **out)
{
    pekppp_error err;
    int error = load_rubric(rs, rs->rubric_file, out, &err);
    return error < 0 ? cli_exit_for(error) : 0;
}

/* An id is safe to put in a file name: [a-z0-9._-]+, not starting with '.'. */
static int safe_id(const char *id)
{
    const char *p;
    if (!*id || *id == '.')
        return 0;
    for (p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
              *p == '-'))
            return 0;
    return 1;
}

/* Try "<dir>/<id>.yaml" for each dir of a ':'-separated list. */
static int try_dirs(cli_rubrics *rs, const char *list, const char *id, const pekppp_rubric **out,
                    pekppp_error *err, char *searched, size_t ssize)
{
    while (list && *list) {
        const char *end = strchr(list, ':');
        size_t len = end ? (size_t)(end - list) : strlen(list);
        char path[4096];
        struct stat st;
        if (len > 0 && len < 3000) {
            snprintf(path, sizeof(path), "%.*s/%s.yaml", (int)len, list, id);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                int error = load_rubric(rs, path, out, err);
                if (error < 0)
                    cli_error_message(err, CM_RUBRIC_BAD, path);
                return error < 0 ? error : 1;
            }
            if (strlen(searched) + len + 3 < ssize) {
                if (searched[0])
                    strcat(searched, ", ");
                strncat(searched, list, len);
            }
        }
        list = end ? end + 1 : NULL;
    }
    return 0;
}

void cli_rubric_search_path(const cli_rubrics *rs, const char *lists[4])
{
    lists[0] = rs->rubric_path;
    lists[1] = getenv("PEKPPP_RUBRIC_PATH");
    lists[2] = "rubrics";
    lists[3] = PEKPPP_DATADIR "/rubrics";
}

int cli_rubrics_resolve(const pekppp_rubric **out, const char *id, void *payload,
                        pekppp_error *err)
{
    cli_rubrics *rs = payload;
    const char *lists[4];
    char searched[1024] = "";
    size_t i;
    for (i = 0; i < rs->nloaded; i++)
        if (strcmp(pekppp_rubric_id(rs->loaded[i]), id) == 0) {
            *out = rs->loaded[i];
            return 0;
        }
    if (!safe_id(id)) {
        cli_error_message(err, rs->no_rubric_option ? CM_RUBRIC_NOT_FOUND_PATH : CM_RUBRIC_NOT_FOUND,
                          id, "-");
        return PEKPPP_ENOTFOUND;
    }
    cli_rubric_search_path(rs, lists);
    for (i = 0; i < 4; i++) {
        int found = try_dirs(rs, lists[i], id, out, err, searched, sizeof(searched));
        if (found != 0)
            return found < 0 ? found : 0;
    }
    cli_error_message(err, rs->no_rubric_option ? CM_RUBRIC_NOT_FOUND_PATH : CM_RUBRIC_NOT_FOUND,
                      id, searched);
    return PEKPPP_ENOTFOUND;
}
