"""Cell references of .xlsx sheets, for the workbook checks (check_book.py, fill_form.py,
tests/survey/respondents.py)."""
import re


def col_name(n):  # 0 -> A
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def col_index(ref):  # "AB7" -> 27
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
