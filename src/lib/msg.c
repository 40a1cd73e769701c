/* The report's message catalogue; see msg.h.  Keep both columns in step. */
#include "msg.h"

static const char *const table[M_COUNT][2] = {
    [M_UNIT] = { "Unit", "Unit" },
    [M_INSTITUTION] = { "Instansi", "Institution" },
    [M_CATEGORY] = { "Kategori", "Category" },
    [M_PERIOD] = { "Periode", "Period" },
    [M_RUBRIC] = { "Rubrik", "Rubric" },
    [M_VERSION] = { "versi", "version" },
    [M_ASSESSOR] = { "Penilai", "Assessor" },
    [M_INDEX] = { "Indeks Pelayanan Publik (IPP)", "Public Service Index (IPP)" },
    [M_EVALUATOR] = { "Nilai evaluator (F-02)", "Evaluator score (F-02)" },
    [M_SURVEY] = { "Nilai survei (F-03)", "Survey score (F-03)" },
    [M_RESPONDENTS] = { "responden", "respondents" },
    [M_WEIGHT_OF] = { "bobot", "weight" },
    [M_ASPECT] = { "Aspek", "Aspect" },
    [M_WEIGHT] = { "Bobot", "Weight" },
    [M_SCORE] = { "Nilai", "Score" },
    [M_CONTRIBUTION] = { "Kontribusi", "Contribution" },
    [M_LEFT_OUT] = { "tidak dinilai (semua na)", "not scored (all na)" },
    [M_BELOW_MAX] = { "Indikator di bawah level maksimal", "Indicators below the top level" },
    [M_ALL_MAX] = { "Semua indikator sudah di level maksimal.",
                    "Every indicator is at the top level." },
    [M_RECOMMENDATIONS] = { "Yang perlu diperbaiki lebih dulu (menurut kenaikan indeks)",
                            "What to fix first (by gain on the index)" },
    [M_MORE_RECS] = { "rekomendasi lain dalam --format json",
                      "more recommendations in --format json" },
    [M_NO_RECS] = { "Tidak ada rekomendasi.", "No recommendations." },
    [M_REACH_LEVEL] = { "untuk mencapai level", "to reach level" },
    [M_NOTES] = { "Catatan", "Notes" },
    [M_FLAG_INCOMPLETE] = { "jawaban belum lengkap: indikator tanpa jawaban dihitung level minimum",
                            "incomplete: unanswered indicators count at the lowest level" },
    [M_FLAG_NA] = { "ada indikator 'na': bobot aspeknya dihitung ulang dari indikator lain",
                    "some indicators are 'na': their aspect is re-weighted over the others" },
    [M_FLAG_SURVEY_MISSING] = { "survei (F-03) tidak ada: indeks = nilai evaluator",
                                "no survey (F-03): index = evaluator score" },
    [M_FLAG_SURVEY_BELOW] = { "responden survei kurang dari minimum: survei tidak dihitung",
                              "fewer survey respondents than the minimum: survey left out" },
    [M_SUPPLEMENTARY] = { "Informasi tambahan (tidak dinilai)", "Supplementary (not scored)" },
    [M_NOT_ANSWERED] = { "tidak dijawab", "not answered" },
    [M_NA] = { "na", "na" },
    [M_RANKING] = { "Peringkat", "Ranking" },
    [M_RANK] = { "No", "No" },
    [M_INDEX_SHORT] = { "Indeks", "Index" },
    [M_GRADE] = { "Predikat", "Grade" },
    [M_SUMMARY] = { "Ringkasan", "Summary" },
    [M_UNITS_COUNT] = { "unit", "units" },
    [M_SCORED] = { "dinilai", "scored" },
    [M_FAILED_LOAD] = { "gagal dimuat", "failed to load" },
    [M_MEAN] = { "Rata-rata indeks", "Mean index" },
    [M_GRADES] = { "Sebaran predikat", "Grades" },
    [M_BY_CATEGORY] = { "Per kategori", "By category" },
    [M_BY_INSTITUTION] = { "Per instansi", "By institution" },
    [M_BY_MODE] = { "Per skema (mandiri/nasional)", "By scheme (mandiri/nasional)" },
    [M_FAILED] = { "Gagal dimuat", "Failed to load" },
    [M_NO_UNITS] = { "Tidak ada unit yang dinilai.", "No unit was scored." },
};

const char *pk_msg(pekppp_lang lang, pk_msg_id id)
{
    unsigned l = lang == PEKPPP_LANG_EN ? 1u : 0u;
    if ((unsigned)id >= M_COUNT)
        return "";
    return table[id][l];
}
