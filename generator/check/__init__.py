"""The anonymisation check: find every identifying detail before anything is public (issue 3).

`anonymise.Analyser` is the engine, `extract` says what of a file reaches the site, `registers`
reads private registers and term files, `waivers` lets an editor accept a finding with a reason,
`cache` keeps results by content, and `evaluate` measures recall and noise on `evaluation/`.
"""
