"""What reaches the site is what is checked, at the right line and column."""

from generator.check.extract import line_col, mask, segments


def kept(text, kind="markdown"):
    return " ".join(mask(text, kind).split())


def test_mask_keeps_offsets():
    text = "# Title\n\n| a | b |\n|---|---|\n| **Jan** | [x](https://e.org/jan) |\n<!-- note -->\n"
    assert len(mask(text, "markdown")) == len(text)


def test_markdown_syntax_is_blanked_and_content_kept():
    text = "## 2. Contact\n\n- **Hana** met [Jan Nowak](https://facebook.com/jan.nowak \"Jan's page\")\n"
    assert kept(text) == "2. Contact Hana met Jan Nowak https://facebook.com/jan.nowak Jan's page"


def test_image_alt_text_title_and_html_attributes_are_kept():
    text = '![photo of Jan Nowak](jan.jpg "taken by Amy")\n<p title="Mrs Nowak">Hi</p>\n'
    k = kept(text)
    assert "photo of Jan Nowak" in k and "jan.jpg" in k and "taken by Amy" in k and "Mrs Nowak" in k
    assert "<p" not in k and "title=" not in k


def test_html_comments_are_checked():
    assert kept("Text\n<!-- real name: Jan Nowak -->\n") == "Text real name: Jan Nowak"


def test_front_matter_values_are_kept_keys_are_not():
    text = "---\ntitle: Review of Hana\ndescription: About Jan\n---\nBody\n"
    assert kept(text) == "Review of Hana About Jan Body"


def test_table_cells_do_not_run_together():
    m = mask("| Police | DS Amy Bell |\n", "markdown")
    assert "Police \n DS Amy Bell" in m


def test_yaml_values_only():
    text = "lead: DS Amy Bell  # a comment\nupdates:\n  - note: Rang 07700 900461\n"
    assert kept(text, "yaml") == "DS Amy Bell Rang 07700 900461"


def test_unreadable_yaml_is_checked_whole():
    text = "lead: [DS Amy Bell\n"
    assert mask(text, "yaml") == text


def test_code_is_kept():
    text = "```\nJan Nowak 07700 900461\n```\nand `Amy`\n"
    assert kept(text) == "Jan Nowak 07700 900461 and Amy"


def test_line_and_column_are_one_based():
    text = "ab\ncd\n"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 4) == (2, 2)


def test_segments_point_into_the_original_text():
    text = "# Hi\n\nJan **Nowak** rang.\n"
    segs = segments(text, "markdown")
    assert [text[s.start : s.end] for s in segs] == ["Hi", "Jan **Nowak** rang."]
