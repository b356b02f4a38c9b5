/**
 * The shell scripts `kctl completion SHELL` prints. Like kubectl's (cobra's) scripts they do no
 * completing themselves: each TAB runs `PROG __complete WORDS... CURRENT`, reads the candidate
 * lines and the trailing `:DIRECTIVE`, and hands them to the shell (bit 2 = no space after the
 * word, bit 4 = no file completion when there are no candidates).
 */

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** A shell-safe function-name fragment for the program (`kctl` -> `kctl`, `my-k` -> `my_k`). */
const ident = (prog: string) => prog.replace(/[^A-Za-z0-9_]/g, '_');

function bash(prog: string): string {
  const f = `__${ident(prog)}_complete`;
  return `# bash completion for ${prog}
# Load it with:  source <(${prog} completion bash)
${f}() {
    local cur out directive line
    local -a words cands
    cur="\${COMP_WORDS[COMP_CWORD]}"
    words=("\${COMP_WORDS[@]:1:COMP_CWORD-1}")
    out=$(${prog} __complete "\${words[@]}" "$cur" 2>/dev/null) || return
    directive=$(printf '%s\\n' "$out" | tail -n 1)
    directive=\${directive#:}
    [[ "$directive" =~ ^[0-9]+$ ]] || directive=0
    cands=()
    while IFS= read -r line; do
        [[ -z "$line" || "$line" == :* ]] && continue
        cands+=("\${line%%$'\\t'*}")
    done <<< "$out"
    if (( directive & 1 )); then return; fi
    if (( directive & 2 )); then compopt -o nospace 2>/dev/null; fi
    if (( \${#cands[@]} == 0 )); then
        if (( directive & 4 )); then compopt +o default 2>/dev/null; COMPREPLY=(); fi
        return
    fi
    compopt +o default 2>/dev/null
    COMPREPLY=($(compgen -W "\${cands[*]}" -- "$cur"))
}
complete -o default -F ${f} ${prog}
`;
}

function zsh(prog: string): string {
  const f = `_${ident(prog)}`;
  return `#compdef ${prog}
# zsh completion for ${prog}
# Load it with:  source <(${prog} completion zsh)
${f}() {
    local -a cands words_before
    local out directive line
    words_before=("\${(@)words[2,CURRENT-1]}")
    out=$(${prog} __complete "\${words_before[@]}" "\${words[CURRENT]}" 2>/dev/null) || return
    directive=\${\${(f)out}[-1]#:}
    [[ "$directive" == <-> ]] || directive=0
    for line in "\${(@f)out}"; do
        [[ -z "$line" || "$line" == :* ]] && continue
        cands+=("\${line//:/\\\\:}")
    done
    (( directive & 1 )) && return 1
    cands=("\${(@)cands//$'\\t'/:}")
    if (( \${#cands} == 0 )); then
        (( directive & 4 )) && return 1
        _files
        return
    fi
    if (( directive & 2 )); then
        _describe -t values 'values' cands -S ''
    else
        _describe -t values 'values' cands
    fi
}
if [[ "\${zsh_eval_context[-1]}" == "loadautofunc" ]]; then
    ${f} "$@"
else
    compdef ${f} ${prog}
fi
`;
}

function fish(prog: string): string {
  const f = `__${ident(prog)}_complete`;
  return `# fish completion for ${prog}
# Load it with:  ${prog} completion fish | source
function ${f}
    set -l args (commandline -opc)
    set -e args[1]
    set -l out (${prog} __complete $args (commandline -ct) 2>/dev/null)
    or return
    set -l directive (string replace -r '^:' '' -- $out[-1])
    if test (math "$directive % 2") -eq 1
        return
    end
    for line in $out[1..-2]
        printf '%s\\n' $line
    end
end
complete -c ${prog} -e
complete -c ${prog} -f -a '(${f})'
`;
}

function powershell(prog: string): string {
  return `# powershell completion for ${prog}
# Load it with:  ${prog} completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -CommandName '${prog}' -Native -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)
    $words = @($CommandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    if ($WordToComplete -ne '' -and $words.Count -gt 0) { $words = $words[0..($words.Count - 2)] }
    $out = @(& '${prog}' __complete @words "$WordToComplete" 2>$null)
    if ($out.Count -eq 0) { return }
    $directive = [int]($out[-1].TrimStart(':'))
    if ($directive -band 1) { return }
    $out | Select-Object -SkipLast 1 | Where-Object { $_ -ne '' } | ForEach-Object {
        $parts = $_ -split "\`t", 2
        $tip = if ($parts.Count -gt 1) { $parts[1] } else { $parts[0] }
        [System.Management.Automation.CompletionResult]::new($parts[0], $parts[0], 'ParameterValue', $tip)
    }
}
`;
}

/** The completion script for `shell`, calling back into `prog`. */
export function completionScript(shell: Shell, prog: string): string {
  switch (shell) {
    case 'bash':
      return bash(prog);
    case 'zsh':
      return zsh(prog);
    case 'fish':
      return fish(prog);
    case 'powershell':
      return powershell(prog);
  }
}
