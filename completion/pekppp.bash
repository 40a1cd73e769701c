# bash completion for pekppp(1)                              -*- shell-script -*-
#
# Installed as share/bash-completion/completions/pekppp, where bash-completion
# loads it on first use; or source it from ~/.bashrc.  It needs nothing from
# the bash-completion package.  The option lists follow the option tables in
# src/cli/cmd_*.c: keep them in step.

# Options of each command that take a value (the next word, or after '=').
_pekppp_value_opts()
{
    case $1 in
        score) echo "-r --rubric --rubric-path -f --format -o --output --lang --fail-under
                     --fail-under-mean -j --jobs --group-by --title --csv-dialect --set -t --target
                     --survey --sheet" ;;
        lint) echo "-r --rubric --rubric-path -f --format -o --output --lang --max-warnings
                    --disable --config --sheet" ;;
        template) echo "-r --rubric --rubric-path -f --format -o --output --lang --csv-dialect" ;;
        plan) echo "-t --target --max-level-step --fix --set -r --rubric --rubric-path -f --format
                    -o --output --lang" ;;
        diff) echo "-r --rubric --rubric-path -f --format -o --output --lang --csv-dialect --sheet" ;;
        rubric) echo "--rubric-path --lang -o --output" ;;
        schema) echo "-o --output" ;;
        skm) echo "-r --rubric --rubric-path -f --format --weights -o --output --csv-dialect --lang" ;;
    esac
}

# Every option of each command, as offered when the word starts with '-'.
_pekppp_all_opts()
{
    case $1 in
        score) echo "--rubric --rubric-path --format --output --lang --allow-incomplete
                     --fail-under --fail-under-mean --jobs --group-by --title --csv-dialect --set
                     --target --sheet --quiet --survey --help" ;;
        lint) echo "--rubric --rubric-path --format --output --lang --strict --max-warnings
                    --quiet --disable --config --sheet --help" ;;
        template) echo "--rubric --rubric-path --format --output --force --lang --csv-dialect
                        --respondents --help" ;;
        plan) echo "--target --max-level-step --fix --set --rubric --rubric-path --format
                    --output --lang --allow-incomplete --help" ;;
        diff) echo "--rubric --rubric-path --format --output --lang --csv-dialect
                    --allow-incomplete --sheet --help" ;;
        rubric) echo "--rubric-path --lang --output --help" ;;
        schema) echo "--output --help" ;;
        skm) echo "--rubric --rubric-path --format --weights --output --csv-dialect --lang --help" ;;
    esac
}

# The --format values each command accepts.
_pekppp_formats()
{
    case $1 in
        score) echo "text json md html csv xlsx" ;;
        lint) echo "text json github sarif" ;;
        template) echo "yaml csv xlsx" ;;
        plan) echo "text json md" ;;
        diff) echo "text json csv" ;;
        skm) echo "text json md html csv xlsx" ;;
    esac
}

# Add to COMPREPLY the words of $2 that start with $1, each prefixed by $3.
_pekppp_words()
{
    local w
    for w in $2; do
        [[ $w == "$1"* ]] && COMPREPLY+=("$3$w")
    done
}

# Add folders, and files whose name ends in one of the extensions $2
# (space-separated, without the dot; empty for any file).  $3 is a prefix.
_pekppp_paths()
{
    local cur=$1 exts=$2 prefix=$3 f e IFS=$'\n'
    for f in $(compgen -f -- "$cur"); do
        if [[ -d $f || -z $exts ]]; then
            COMPREPLY+=("$prefix$f")
            continue
        fi
        for e in ${exts// /$'\n'}; do
            if [[ $f == *."$e" ]]; then
                COMPREPLY+=("$prefix$f")
                break
            fi
        done
    done
    compopt -o filenames 2>/dev/null
}

# Add folders only.
_pekppp_dirs()
{
    local f IFS=$'\n'
    for f in $(compgen -d -- "$1"); do
        COMPREPLY+=("$2$f")
    done
    compopt -o filenames 2>/dev/null
}

# The ids of the rubrics the lookup finds, from `pekppp rubric list`
# (id lines are indented by two spaces).  $1 is the command to run.
_pekppp_rubric_ids()
{
    local line id rest
    while IFS= read -r line; do
        if [[ $line == "  "[!\ ]* ]]; then
            read -r id rest <<<"$line"
            echo "$id"
        fi
    done < <("$1" rubric list 2>/dev/null)
}

_pekppp()
{
    local commands="score lint template plan diff rubric skm schema help version"
    local grades="A A- B B- C C- D E F"
    local -a w=("${COMP_WORDS[@]:0:COMP_CWORD+1}")
    local cw=$COMP_CWORD cur opt="" prefix="" k cmd
    COMPREPLY=()

    # With '=' and ':' in COMP_WORDBREAKS (the default), "--format=js" comes
    # as "--format" "=" "js" and "a:b" as "a" ":" "b"; readline completes
    # only the part after the last separator.
    if [[ ${w[cw]} == [=:] ]]; then
        w+=("")
        cw=$((cw + 1))
    fi
    cur=${w[cw]}
    k=$cw
    while ((k >= 2)) && [[ ${w[k - 1]} == : ]]; do
        k=$((k - 2))
    done
    if ((k >= 2)) && [[ ${w[k - 1]} == = ]]; then
        opt=${w[k - 2]}
    elif ((k >= 1)); then
        opt=${w[k - 1]}
    fi
    # Without them in COMP_WORDBREAKS, "--format=js" is one word.
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        prefix=$opt=
        cur=${cur#*=}
    fi

    # The command is the first argument after the options before it
    # (--lang id|en, --lang=id|en).
    local base=1
    while ((base < cw)); do
        if [[ ${w[base]} == --lang=* ]]; then
            base=$((base + 1))
        elif [[ ${w[base]} == --lang ]]; then
            if [[ ${w[base + 1]} == = ]]; then base=$((base + 3)); else base=$((base + 2)); fi
        else
            break
        fi
    done
    if ((base > cw)) || { ((cw == base)) && [[ $opt == --lang && -n $prefix ]]; }; then
        _pekppp_words "$cur" "id en" "$prefix"
        return 0
    fi
    if ((cw == base)); then
        if [[ $cur == -* ]]; then
            _pekppp_words "$cur" "--help --version --lang" ""
        else
            _pekppp_words "$cur" "$commands" ""
        fi
        return 0
    fi
    cmd=${w[base]}

    case $cmd in
        help)
            ((cw == base + 1)) && _pekppp_words "$cur" "${commands% help version}" ""
            return 0 ;;
        version | --version | --help | -h)
            return 0 ;;
        score | lint | template | plan | diff | rubric | skm | schema) ;;
        *)
            return 0 ;;
    esac

    # The value of an option.
    if [[ -n $opt && " $(_pekppp_value_opts "$cmd") " == *[[:space:]]"$opt"[[:space:]]* ]]; then
        case $opt in
            -f | --format)
                _pekppp_words "$cur" "$(_pekppp_formats "$cmd")" "$prefix" ;;
            --lang)
                _pekppp_words "$cur" "id en" "$prefix" ;;
            --csv-dialect)
                _pekppp_words "$cur" "plain id" "$prefix" ;;
            --group-by)
                # A comma-separated list: complete its last field.
                local done=""
                [[ $cur == *,* ]] && done=${cur%,*},
                _pekppp_words "${cur##*,}" "category institution mode none" "$prefix$done"
                compopt -o nospace 2>/dev/null ;;
            -t | --target | --fail-under | --fail-under-mean)
                _pekppp_words "$cur" "$grades" "$prefix" ;;
            --max-level-step)
                _pekppp_words "$cur" "1 2 3 4 5" "$prefix" ;;
            --weights)
                _pekppp_words "$cur" "exact 0.11 0.111" "$prefix" ;;
            --rubric-path)
                # A ':'-separated list of folders: complete its last folder.
                local done=""
                [[ $cur == *:* ]] && done=${cur%:*}:
                _pekppp_dirs "${cur##*:}" "$prefix$done" ;;
            -r | --rubric)
                _pekppp_paths "$cur" "yaml yml" "$prefix"
                [[ $cmd == template || $cmd == skm ]] &&
                    _pekppp_words "$cur" "$(_pekppp_rubric_ids "${w[0]}")" "$prefix" ;;
            -o | --output)
                _pekppp_paths "$cur" "" "$prefix" ;;
            --config)
                _pekppp_paths "$cur" "yaml yml" "$prefix" ;;
            --survey)
                _pekppp_paths "$cur" "csv xlsx" "$prefix" ;;
            *)
                # -j N, --fix ID, --set ID=LEVEL, --disable RULE: nothing to offer.
                ;;
        esac
        return 0
    fi

    if [[ $cur == -* ]]; then
        _pekppp_words "$cur" "$(_pekppp_all_opts "$cmd")" ""
        return 0
    fi

    # Positional arguments.
    case $cmd in
        score | diff) _pekppp_paths "$cur" "yaml yml json csv" "" ;;
        lint) _pekppp_paths "$cur" "yaml yml json csv" "" ;;
        plan) _pekppp_paths "$cur" "yaml yml json" "" ;;
        skm) _pekppp_paths "$cur" "csv xlsx" "" ;;
        template) ;;
        schema)
            ((cw == base + 1)) && _pekppp_words "$cur" "batch diff plan result rubric skm unit" "" ;;
        rubric)
            # The first positional is list or show; show takes an id or a file.
            local i sub=""
            for ((i = base + 1; i < cw; i++)); do
                case ${w[i]} in
                    list | show) sub=${w[i]}; break ;;
                esac
            done
            if [[ -z $sub ]]; then
                _pekppp_words "$cur" "list show" ""
            elif [[ $sub == show ]]; then
                _pekppp_words "$cur" "$(_pekppp_rubric_ids "${w[0]}")" ""
                _pekppp_paths "$cur" "yaml yml" ""
            fi ;;
    esac
    return 0
}

complete -F _pekppp pekppp
