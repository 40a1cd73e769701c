# Turn docs/schema/*.schema.json into a C source with one byte array per
# schema, so `pekppp schema NAME` works without any file installed.
# Run as: cmake -DSRC=<dir> -DOUT=<file.c> -P embed_schemas.cmake
file(GLOB files "${SRC}/*.schema.json")
list(SORT files)
set(body "/* Generated from docs/schema by cmake/embed_schemas.cmake: do not edit. */\n#include <stddef.h>\n#include \"schemas.h\"\n\n")
set(table "")
foreach(f ${files})
    get_filename_component(base "${f}" NAME)
    string(REPLACE ".schema.json" "" name "${base}")
    string(MAKE_C_IDENTIFIER "${name}" ident)
    file(READ "${f}" hex HEX)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND body "static const unsigned char schema_${ident}[] = {${bytes}0x00};\n")
    string(APPEND table "    {\"${name}\", (const char *)schema_${ident}, sizeof(schema_${ident}) - 1},\n")
endforeach()
string(APPEND body "\nconst cli_schema cli_schemas[] = {\n${table}    {NULL, NULL, 0}\n};\n")
file(WRITE "${OUT}.tmp" "${body}")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY) # rewritten only when it changed
