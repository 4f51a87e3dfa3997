#!/usr/bin/env bash
# Runs once when the devcontainer is created: the Debian packages the notebooks and tests need, a build,
# and the Jupyter kernelspec so VS Code offers "C# (AskShift)" as a kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
# The same installer README's test command runs (Chromium, Jupyter's Python packages, Node.js and the JupyterLab client).
tests/install-deps
dotnet build Notebooks.sln
# The kernel runs from a ReadyToRun publish (precompiled Roslyn: the start-up figures in README are measured on it).
dotnet publish lib/AskShift.Cli -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o lib/AskShift.Cli/bin/kernel
dotnet lib/AskShift.Cli/bin/kernel/askshift.dll kernel install --user
echo "AskShift is ready: 'dotnet run --project lib/AskShift.Cli -- notebooks run' executes the notebooks;"
echo "in VS Code, open a notebook and pick the kernel 'C# (AskShift)' (or .NET Interactive, through Polyglot Notebooks)."
