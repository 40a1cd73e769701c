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
    /* the option, then its value */
    [CM_BAD_FAIL_UNDER] = { "%s '%s' bukan predikat rubrik atau angka",
                            "%s '%s' is neither a grade of the rubric nor a number" },
    [CM_FAIL_UNDER_ABOVE_SCALE] = { "%s '%s' di atas skala rubrik '%s' (%d sampai %d): "
                                    "tidak ada indeks yang dapat mencapainya",
                                    "%s '%s' is above the scale of rubric '%s' (%d to %d): "
                                    "no index can reach it" },
    [CM_BELOW] = { "indeks %s di bawah ambang %s", "index %s is below the threshold %s" },
    [CM_WRITE_FAILED] = { "gagal menulis '%s': %s", "cannot write '%s': %s" },
    /* how to point to one first: a long list of folders may be cut */
    [CM_RUBRIC_NOT_FOUND] = { "rubrik '%s' tidak ditemukan: tunjuk berkasnya dengan -r BERKAS, "
                              "atau foldernya dengan --rubric-path FOLDER atau PEKPPP_RUBRIC_PATH "
                              "(dicari di: %s)",
                              "rubric '%s' not found: name its file with -r FILE, or its folder "
                              "with --rubric-path DIR or PEKPPP_RUBRIC_PATH (searched: %s)" },
    /* the same, for commands without -r (lint, rubric) */
    [CM_RUBRIC_NOT_FOUND_PATH] = { "rubrik '%s' tidak ditemukan: tunjuk foldernya dengan "
                                   "--rubric-path FOLDER atau PEKPPP_RUBRIC_PATH (dicari di: %s)",
                                   "rubric '%s' not found: name its folder with --rubric-path DIR "
                                   "or PEKPPP_RUBRIC_PATH (searched: %s)" },
    [CM_RUBRIC_BAD] = { "rubrik '%s' tidak valid (lihat kesalahan di atas)",
                        "rubric '%s' is invalid (see the errors above)" },
    [CM_UNKNOWN_COMMAND] = { "perintah '%s' tidak dikenal", "unknown command '%s'" },
    [CM_UNKNOWN_COMMAND_NEAR] = { "perintah '%s' tidak dikenal: maksud Anda '%s'?",
                                  "unknown command '%s': did you mean '%s'?" },
    [CM_WRITE_STDOUT] = { "gagal menulis keluaran standar: %s", "cannot write standard output: %s" },
    [CM_NO_UNITS_FOUND] = { "tidak ada unit untuk dinilai: tidak ada berkas .yaml, .yml atau .json di '%s'",
                            "nothing to score: no .yaml, .yml or .json file in '%s'" },
    [CM_TEMP_FAILED] = { "gagal membuat berkas sementara: %s", "cannot create a temporary file: %s" },
    [CM_FOLDER_UNREADABLE] = { "folder ini tidak dapat dibaca", "cannot read this folder" },
    [CM_FOLDER_EMPTY] = { "tidak ada berkas .yaml, .yml atau .json di folder ini",
                          "no .yaml, .yml or .json files in this folder" },
    [CM_FOLDER_TOO_DEEP] = { "folder ini lebih dari 32 tingkat di bawah masukan: isinya tidak dibaca",
                             "this folder is more than 32 levels below the input: not read" },

    /* Option values and usage. */
    [CM_BAD_DIALECT] = { "--csv-dialect menerima plain atau id", "--csv-dialect takes plain or id" },
    [CM_BAD_JOBS] = { "--jobs menerima angka 1 sampai 256", "--jobs takes a number from 1 to 256" },
    [CM_BAD_GROUP_BY] = { "--group-by menerima category, institution, mode atau none",
                          "--group-by takes category, institution, mode or none" },
    [CM_BAD_MAX_WARNINGS] = { "--max-warnings menerima angka mulai 0",
                              "--max-warnings takes a number from 0" },
    [CM_BAD_MAX_STEP] = { "--max-level-step menerima angka 1 sampai 100",
                          "--max-level-step takes a number from 1 to 100" },
    [CM_SET_NEEDS_UNIT] = { "--set hanya untuk laporan satu unit: satu berkas unit, "
                            "tanpa -f csv atau --fail-under-mean",
                            "--set needs a unit report: one unit file, without "
                            "-f csv or --fail-under-mean" },
    [CM_TARGET_NEEDS_UNIT] = { "--target hanya untuk laporan satu unit: satu berkas "
                               "unit, tanpa -f csv atau --fail-under-mean",
                               "--target needs a unit report: one unit file, without "
                               "-f csv or --fail-under-mean" },
    [CM_TARGET_REQUIRED] = { "--target PREDIKAT wajib diberikan", "--target GRADE is required" },
    [CM_PLAN_ONE_INPUT] = { "plan menerima satu berkas unit", "plan takes one unit file" },
    [CM_DIFF_TWO_INPUTS] = { "diff membandingkan dua masukan: LAMA dan BARU",
                             "diff compares two inputs: OLD and NEW" },
    [CM_LINT_NO_FILE] = { "berkas belum diberikan", "no file given" },
    [CM_TEMPLATE_NO_FILES] = { "template tidak menerima berkas", "template takes no file arguments" },
    [CM_TOO_MANY_ARGS] = { "argumen terlalu banyak", "too many arguments" },
    [CM_RUBRIC_USAGE] = { "pakai 'rubric list' atau 'rubric show ID|BERKAS'",
                          "use 'rubric list' or 'rubric show ID|FILE'" },
    [CM_SCHEMA_ONE_NAME] = { "berikan satu nama skema", "give one schema name" },
    /* followed by the names and ")" */
    [CM_SCHEMA_UNKNOWN] = { "skema '%s' tidak ada (pilih:", "no schema '%s' (choose:" },
    [CM_TRY_HELP_ALL] = { "Coba 'pekppp help'.", "Try 'pekppp help'." },
    [CM_OUT_IS_INPUT] = { "-o '%s' adalah salah satu masukan: berkas itu akan tertimpa; "
                          "pilih nama lain",
                          "-o '%s' is one of the inputs: it would be overwritten; "
                          "choose another name" },
    [CM_TEMPLATE_EXISTS] = { "'%s' sudah ada: template tidak menimpa formulir yang mungkin "
                             "sudah diisi; tambahkan --force untuk menggantinya",
                             "'%s' already exists: template does not overwrite a form that may "
                             "have been filled in; add --force to replace it" },
    /* the output, then the folder (%.*s: its length and its path) */
    [CM_OUT_IN_INPUT_FOLDER] = { "-o '%s' ada di folder masukan '%.*s': pekppp akan membacanya "
                                 "sebagai unit lain kali; pilih folder lain, atau akhiran "
                                 "selain .yaml, .yml dan .json",
                                 "-o '%s' is in the input folder '%.*s': pekppp would read it "
                                 "as a unit next time; choose another folder, or an ending "
                                 "other than .yaml, .yml and .json" },

    /* The option parser's. */
    [CM_OPT_UNKNOWN_LONG] = { "opsi '%.*s' tidak dikenal", "unknown option '%.*s'" },
    [CM_OPT_UNKNOWN_SHORT] = { "opsi '-%c' tidak dikenal", "unknown option '-%c'" },
    [CM_OPT_NO_VALUE_LONG] = { "opsi '--%s' tidak menerima nilai", "option '--%s' takes no value" },
    [CM_OPT_NO_VALUE_SHORT] = { "opsi '-%c' tidak menerima nilai", "option '-%c' takes no value" },
    [CM_OPT_NEEDS_VALUE] = { "opsi '%s' memerlukan nilai (%s)", "option '%s' needs a value (%s)" },

    /* What-if and plan. */
    [CM_SET_FORM] = { "--set memerlukan ID=LEVEL, bukan '%s'", "--set takes ID=LEVEL, not '%s'" },
    [CM_SET_NO_INDICATOR] = { "--set: rubrik '%s' tidak punya indikator '%s'",
                              "--set: rubric '%s' has no indicator '%s'" },
    [CM_SET_NO_INDICATOR_NEAR] = { "--set: rubrik '%s' tidak punya indikator '%s': maksud Anda '%s'?",
                                   "--set: rubric '%s' has no indicator '%s': did you mean '%s'?" },
    [CM_SET_SUPPLEMENT] = { "--set %s: indikator tambahan ini dicatat tetapi tidak dihitung dalam "
                            "indeks, jadi --set tidak mengubah apa pun; ubah jawabannya di berkas unit",
                            "--set %s: this supplementary indicator is recorded but not scored, so "
                            "--set would change nothing; change its answer in the unit file" },
    [CM_SET_BAD_LEVEL] = { "--set %s: '%s' bukan level %d sampai %d",
                           "--set %s: '%s' is not a level from %d to %d" },
    [CM_SET_BAD_LEVEL_NA] = { "--set %s: '%s' bukan level %d sampai %d (atau na)",
                              "--set %s: '%s' is not a level from %d to %d (or na)" },
    [CM_NO_GRADE] = { "rubrik '%s' tidak punya predikat '%s'", "rubric '%s' has no grade '%s'" },
    [CM_FIX_NO_INDICATOR] = { "--fix: rubrik '%s' tidak punya indikator bernilai '%s'",
                              "--fix: rubric '%s' has no scored indicator '%s'" },
    [CM_FIX_NO_INDICATOR_NEAR] = { "--fix: rubrik '%s' tidak punya indikator bernilai '%s': "
                                   "maksud Anda '%s'?",
                                   "--fix: rubric '%s' has no scored indicator '%s': "
                                   "did you mean '%s'?" },

    /* Outcomes. */
    /* the last %s: the unit ids, each after a space */
    [CM_UNITS_BELOW] = { "%zu unit di bawah %s:%s", "%zu unit(s) below %s:%s" },
    [CM_MEAN_BELOW] = { "rata-rata indeks %s di bawah %s", "the mean index %s is below %s" },
    [CM_TOO_MANY_WARNINGS] = { "%d peringatan, lebih dari %ld yang diizinkan",
                               "%d warning(s), more than the %ld allowed" },
    [CM_RESULT_UNREADABLE] = { "berkas hasil ini tidak dapat dibaca", "cannot read this result file" },
    [CM_BAD_EPOCH] = { "peringatan: SOURCE_DATE_EPOCH bukan jumlah detik sejak 1970 "
                       "(sampai 9999): laporan tidak mencantumkan waktu pembuatan",
                       "warning: SOURCE_DATE_EPOCH is not a number of seconds since 1970 "
                       "(up to 9999): the report leaves out when it was made" },

    /* `rubric list` and `rubric show`. */
    [CM_RUBRIC_LIST_INVALID] = { "(tidak valid: jalankan pekppp lint)", "(invalid: run pekppp lint)" },
    [CM_GUIDE_HEAD] = { "Rubrik: %s, versi %s\nLevel: %d-%d\n", "Rubric: %s, version %s\nLevels: %d-%d\n" },
    [CM_GUIDE_GRADES] = { "\nPredikat:\n", "\nGrades:\n" },
    [CM_GUIDE_WEIGHT] = { " (bobot ", " (weight " },
    [CM_GUIDE_EVIDENCE] = { "    Bukti dukung: ", "    Evidence: " },

    /* Help. */
    [CM_HELP_TITLE] = { "pekppp: penilaian PEKPPP (PermenPANRB 29/2022) yang tepat dan dapat dijelaskan",
                        "pekppp: exact scoring of the PEKPPP public-service evaluation "
                        "(PermenPANRB 29/2022)" },
    [CM_HELP_USAGE] = { "Pemakaian", "Usage" },
    [CM_HELP_COMMANDS] = { "Perintah", "Commands" },
    [CM_HELP_OPTIONS] = { "Opsi", "Options" },
    [CM_HELP_HELP] = { "bantuan sebuah perintah", "help on a command" },
    [CM_HELP_VERSION] = { "tampilkan versi", "print the version" },
    [CM_HELP_EXIT_CODES] = {
        "Kode keluar: 0 berhasil; 1 di bawah --fail-under atau lint menemukan kesalahan;\n"
        "2 salah pemakaian, atau peringatan lint melewati --strict/--max-warnings;\n"
        "3 masukan atau rubrik tidak valid; 4 gagal baca/tulis;\n"
        "5 kehabisan memori atau kesalahan internal.\n",
        "Exit codes: 0 ok; 1 below --fail-under, or lint found errors; 2 usage, or lint\n"
        "warnings past --strict/--max-warnings; 3 invalid input or rubric; 4 read/write\n"
        "failure; 5 out of memory or internal error.\n" },

    /* lint: rules turned off (--disable, --config, .pekppp-lint.yaml). */
    [CM_LINT_UNKNOWN_RULE] = { "aturan '%s' tidak dikenal", "unknown rule '%s'" },
    [CM_LINT_DID_YOU_MEAN] = { ": maksud Anda '%s'?", ": did you mean '%s'?" },
    [CM_LINT_CONFIG_SYNTAX] = { "diharapkan 'disable:' diikuti daftar id aturan",
                                "expected 'disable:' and a list of rule ids" },
    [CM_LINT_CONFIG_KEY] = { "kunci '%.*s' tidak dikenal: konfigurasi lint hanya berisi 'disable'",
                             "unknown key '%.*s': the lint config holds only 'disable'" },
    [CM_LINT_CONFIG_UNREADABLE] = { "berkas konfigurasi lint %s tidak dapat dibaca: %s",
                                    "cannot read the lint config %s: %s" },
    [CM_LINT_CONFIG_NOT_TEXT] = { "bukan teks, atau lebih dari 1 MiB", "not text, or over 1 MiB" },
    /* -f xlsx (output.c, cmd_score.c, cmd_template.c, batch_run.c) */
    [CM_XLSX_TTY] = { "-f xlsx menulis buku kerja biner, bukan teks untuk terminal: "
                      "beri -o BERKAS.xlsx (atau alirkan ke pipa)",
                      "-f xlsx writes a binary workbook, not text for a terminal: "
                      "give -o FILE.xlsx (or send it down a pipe)" },
    [CM_XLSX_WHATIF] = { "-f xlsx tidak menampilkan --set atau --target: pakai -f html, md, text atau json",
                         "-f xlsx does not show --set or --target: use -f html, md, text or json" },
    [CM_XLSX_FAILED] = { "gagal menulis buku kerja '%s': %s", "cannot write the workbook '%s': %s" },
    /* skm */
    [CM_BAD_WEIGHTS] = { "--weights menerima exact atau sebuah desimal bobot per unsur, "
                         "misalnya 0.11 atau 0.111",
                         "--weights takes exact or a decimal weight per unsur, such as 0.11 or "
                         "0.111" },
    /* rubric show: the conversion factor; a question; the survey (F-03) */
    [CM_GUIDE_CONVERT] = { "Indeks = skor tertimbang x %s; predikat pada nilai itu\n",
                           "Index = weighted score x %s; grades on that value\n" },
    [CM_GUIDE_QUESTION] = { "    Pertanyaan: ", "    Question: " },
    [CM_GUIDE_SURVEY] = { "\nSurvei (F-03): setiap butir dijawab %d-%d oleh setiap responden\n",
                          "\nSurvey (F-03): each respondent answers each item %d-%d\n" },
    [CM_GUIDE_SURVEY_MIN] = { "Minimal %ld responden; di bawahnya survei tidak dihitung\n",
                              "At least %ld respondents; with fewer the survey is left out\n" },
    [CM_GUIDE_COMBINE] = { "Indeks = %s%% evaluator + %s%% survei\n",
                           "Index = %s%% evaluator + %s%% survey\n" },
    [CM_SKM_NO_INPUT] = { "lembar jawaban responden belum diberikan",
                          "no respondent sheet given" },
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

/* --lang given before the command (-1: not given); it outranks the environment. */
static int global_lang = -1;

void cli_lang_set_global(int lang)
{
    global_lang = lang;
}

int cli_lang_default(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    size_t i;
    if (global_lang >= 0)
        return global_lang;
    for (i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "en", 2) == 0 ? 1 : 0;
    }
    return 0;
}
