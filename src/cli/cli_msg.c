/* The message catalogue and the language choice; see cli_msg.h. */
#include "cli_msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const messages[CM_COUNT][2] = {
    [CM_USAGE_ERROR] = { "pekppp: %s", "pekppp: %s" },
    [CM_TRY_HELP] = { "Coba 'pekppp help %s'.", "Try 'pekppp help %s'." },
    [CM_LINT_SUMMARY] = { "%d berkas diperiksa: %d kesalahan, %d peringatan",
                          "%d file(s) checked: %d error(s), %d warning(s)" },
    [CM_ONE_INPUT] = { "penilaian banyak unit sekaligus belum tersedia: berikan satu berkas unit",
                       "scoring several units at once is not available yet: give one unit file" },
    [CM_NO_INPUT] = { "berkas unit belum diberikan", "no unit file given" },
    [CM_BAD_FORMAT] = { "format '%s' tidak dikenal (pilih: %s)",
                        "unknown format '%s' (choose: %s)" },
    [CM_BAD_LANG] = { "bahasa '%s' tidak dikenal (pilih: id, en)",
                      "unknown language '%s' (choose: id, en)" },
    [CM_BAD_FAIL_UNDER] = { "--fail-under '%s' bukan predikat rubrik atau angka",
                            "--fail-under '%s' is neither a grade of the rubric nor a number" },
    [CM_BELOW] = { "indeks %s di bawah ambang %s", "index %s is below the threshold %s" },
    [CM_WRITE_FAILED] = { "gagal menulis '%s': %s", "cannot write '%s': %s" },
    [CM_RUBRIC_NOT_FOUND] = { "rubrik '%s' tidak ditemukan (dicari di: %s)",
                              "rubric '%s' not found (searched: %s)" },
    [CM_RUBRIC_BAD] = { "rubrik '%s' tidak valid (lihat kesalahan di atas)",
                        "rubric '%s' is invalid (see the errors above)" },
    [CM_UNKNOWN_COMMAND] = { "perintah '%s' tidak dikenal", "unknown command '%s'" },
    [CM_WRITE_STDOUT] = { "gagal menulis keluaran standar: %s", "cannot write standard output: %s" },
    [CM_NO_UNITS_FOUND] = { "tidak ada unit untuk dinilai: tidak ada berkas .yaml, .yml atau .json di '%s'",
                            "nothing to score: no .yaml, .yml or .json file in '%s'" },
    [CM_TEMP_FAILED] = { "gagal membuat berkas sementara: %s", "cannot create a temporary file: %s" },
    [CM_FOLDER_UNREADABLE] = { "folder ini tidak dapat dibaca", "cannot read this folder" },
    [CM_FOLDER_EMPTY] = { "tidak ada berkas .yaml, .yml atau .json di folder ini",
                          "no .yaml, .yml or .json files in this folder" },
    [CM_FOLDER_TOO_DEEP] = { "folder ini lebih dari 32 tingkat di bawah masukan: isinya tidak dibaca",
                             "this folder is more than 32 levels below the input: not read" },
};

const char *cli_msg(int lang, cli_msg_id id)
{
    return messages[id][lang ? 1 : 0];
}

/* The front end's one piece of process state: the language chosen for
 * messages printed by helpers that are not handed it. */
static int current_lang;

void cli_set_lang(int lang)
{
    current_lang = lang;
}

int cli_get_lang(void)
{
    return current_lang;
}

/* Both languages from one argument list: a message's two formats take the
 * same arguments. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
void cli_error_message(pekppp_error *err, cli_msg_id id, ...)
{
    va_list ap, ap_id;
    char en[sizeof(err->message) + 8], in[sizeof(err->message_id) + 8];
    va_start(ap, id);
    va_copy(ap_id, ap);
    vsnprintf(en, sizeof(en), cli_msg(1, id), ap);
    vsnprintf(in, sizeof(in), cli_msg(0, id), ap_id);
    va_end(ap_id);
    va_end(ap);
    /* Cut to fit at a character boundary: the JSON outputs must stay UTF-8. */
    pekppp_error_set_message(err, en, in);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

const char *cli_diag_message(const pekppp_error *d)
{
    return pekppp_error_message(d, current_lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID);
}

int cli_lang_parse(const char *s, int *out)
{
    if (strcmp(s, "id") == 0)
        *out = 0;
    else if (strcmp(s, "en") == 0)
        *out = 1;
    else
        return -1;
    return 0;
}

int cli_lang_default(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    size_t i;
    for (i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "en", 2) == 0 ? 1 : 0;
    }
    return 0;
}
