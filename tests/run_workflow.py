#!/usr/bin/env python3
"""Runs the steps of a GitHub Actions workflow job here, as a runner would, for the steps that
the docs use: actions/checkout (the workspace is already there), this repository's action
(its composite steps, inputs substituted, $GITHUB_PATH honoured) and codeql-action/upload-sarif
(checked, not uploaded). Any other step is an error.
Usage: run_workflow.py WORKFLOW.yml ACTION_DIR WORKSPACE RUNNER_TEMP [INPUT=VALUE...]
INPUT=VALUE pairs are defaults for the action's inputs (such as base-url=file:///...); the
workflow's `with:` wins over them. Exits with the status of the first failing step."""
import json
import os
import re
import subprocess
import sys

import yaml

workflow_file, action_dir, workspace, temp = sys.argv[1:5]
overrides = dict(arg.split("=", 1) for arg in sys.argv[5:])
workflow = yaml.safe_load(open(workflow_file, encoding="utf-8"))
action = yaml.safe_load(open(os.path.join(action_dir, "action.yml"), encoding="utf-8"))
github_path = os.path.join(temp, "github_path")
open(github_path, "w").close()


def environment(extra):
    env = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_PATH=github_path, RUNNER_TEMP=temp,
               GITHUB_WORKSPACE=workspace, RUNNER_OS="Linux", RUNNER_ARCH="X64", GITHUB_ACTIONS="true")
    added = [line.strip() for line in open(github_path) if line.strip()]
    env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
    env.update(extra)
    return env


def run_action(inputs):
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    values.update(overrides)
    for name, value in (inputs or {}).items():
        if name not in values:
            sys.exit("run_workflow.py: the action has no input '%s'" % name)
        values[name] = str(value)

    def substitute(text):
        def one(m):
            expr = m.group(1).strip()
            if not expr.startswith("inputs."):
                sys.exit("run_workflow.py: unsupported expression ${{ %s }}" % expr)
            return values[expr[len("inputs."):]]
        return re.sub(r"\$\{\{(.*?)\}\}", one, text)

    for step in action["runs"]["steps"]:
        if step.get("shell") != "bash":
            sys.exit("run_workflow.py: action steps must say `shell: bash`")
        env = environment({k: substitute(str(v)) for k, v in (step.get("env") or {}).items()})
        print("::group::" + step.get("name", "step"), flush=True)
        # The runner's bash: `bash --noprofile --norc -eo pipefail {0}`.
        code = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"])],
                               cwd=workspace, env=env)
        print("::endgroup::", flush=True)
        if code:
            return code
    return 0


def check_sarif(inputs):
    path = os.path.join(workspace, inputs["sarif_file"])
    report = json.load(open(path, encoding="utf-8"))
    if report.get("version") != "2.1.0" or not report.get("runs"):
        sys.exit("run_workflow.py: %s is not a SARIF 2.1.0 report" % path)
    print("upload-sarif: %s is SARIF 2.1.0 with %d results" % (path, len(report["runs"][0].get("results", []))))
    return 0


for job in workflow["jobs"].values():
    for step in job["steps"]:
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout@"):
            code = 0
        elif uses.startswith("notelint/notelint@"):
            code = run_action(step.get("with"))
        elif uses.startswith("github/codeql-action/upload-sarif@"):
            code = check_sarif(step.get("with") or {})
        else:
            sys.exit("run_workflow.py: cannot run step %r" % step)
        if code:
            sys.exit(code)
