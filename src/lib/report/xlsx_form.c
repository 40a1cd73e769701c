#include "xlsx_internal.h"
