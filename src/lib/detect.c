/*
 * Telling rubric files from unit files by their `schema:` key, so `lint`
 * can take either.  Only the top-level mapping is read.
 */
#include "pekppp/detect.h"

#include <string.h>

#include "diag.h"
#include "yaml_tree.h"
#include "arena.h"

int pekppp_detect_file(pekppp_file_kind *out, const char *path, pekppp_error *err)
{
    pk_report rep;
    pk_doc doc;
    char *data = NULL;
    size_t len = 0;
    int error;
    const pk_node *schema;

    *out = PEKPPP_KIND_UNKNOWN;
    pk_report_init(&rep, path, NULL, NULL, err);
    if ((error = pk_read_file(&data, &len, path, &rep)) < 0)
        return error;
    /* doc.root survives repeated keys, so such a unit file is still one. */
    (void)pk_doc_parse(&doc, data, len, &rep);
    if (doc.root && (schema = pk_map_get(doc.root, "schema")) != NULL) {
        if (pk_scalar_is(schema, "pekppp/rubric/v1"))
            *out = PEKPPP_KIND_RUBRIC;
        else if (pk_scalar_is(schema, "pekppp/assessment/v1"))
            *out = PEKPPP_KIND_ASSESSMENT;
    }
    pk_doc_free(&doc);
    pk_free(data);
    /* Parse problems are left for the real loader to report in full. */
    pekppp_error_clear(err);
    return 0;
}
