#!/usr/bin/env python3
"""Writes the demo web sites for the badged sites of a demo registry.

    scripts/demo-sites.py DEMO_DB OUT_DIR

For every site with an issued badge in DEMO_DB (built by `badgewatch registry
demo`), writes OUT_DIR/<ascii host>/ with a home page, column and article
pages in the style of Chinese government sites, carrying the site's own badge
snippet, and one realistic situation per site: most sites pass, others have a
page without the badge, the badge in <head>, a wrong home title, another
unit's badge id, a pasted copy of the rendered badge, GBK pages, a charset
declared wrong, a broken link, a badge after </html>, or no DNS entry at all.

Also writes OUT_DIR/hosts.tsv (ascii host, address or "-" for NXDOMAIN,
scenario) for the demo's DNS server, and OUT_DIR/expected.tsv (site name,
scenario, expected verdict) so a person can compare the report with the plan.
Standard library only; deterministic.
"""
import os
import sqlite3
import sys

SCRIPT = ('<script type="text/javascript" src="https://dcs.conac.cn/js/{region}/{level}/'
          '{org}/{unit}/{badge}.js"></script>')
OTHER_BADGE = "CA110000000604110099999"

# (scenario, expected site verdict, what the compliance team will see)
SCENARIOS = [
    ("pass", "pass"),
    ("inner-page-missing-badge", "fail"),
    ("pass-document-write", "pass"),
    ("badge-in-head", "fail"),
    ("pass", "pass"),
    ("home-title-mismatch", "fail"),
    ("counterfeit-badge-id", "fail"),
    ("pass-gbk", "pass"),
    ("static-copy", "fail"),
    ("unreachable", "fail"),
    ("pass", "pass"),
    ("commented-out-badge", "fail"),
    # GBK bytes declared UTF-8: browsers show mojibake, so the titles fail
    # (title-mismatch, with charset-mismatch saying why).
    ("charset-declared-wrong", "fail"),
    # A link to a page that answers 404: a dead-link warning, not a failure.
    ("broken-link", "pass"),
    ("badge-after-html", "fail"),
]

COLUMNS = ["通知公告", "政务公开", "办事服务", "政策解读"]
ARTICLES = [
    "关于做好2026年冬季安全生产工作的通知",
    "2026年第三季度政府信息公开工作情况",
    "关于开展网站标识规范使用自查的通知",
    "年度重点工作推进会召开",
    "便民服务事项办理指南（2026年版）",
]


def ascii_host(name):
    return name.encode("idna").decode("ascii")


def snippet(badge_id):
    digits = badge_id[2:]
    return ('<span id="_ideConac"></span>' + SCRIPT.format(
        region=digits[0:2], level=digits[2:5], org=digits[5:9], unit=digits[9:17], badge=badge_id))


def document_write(badge_id):
    raw = snippet(badge_id).replace("<", "%3C").replace(">", "%3E").replace('"', "'")
    return ('<script type="text/javascript">document.write(unescape("' + raw + '"));</script>')


def static_copy():
    return ('<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&id=1" '
            'target="_blank"><img src="https://dcs.conac.cn/image/red.png" alt="党政机关"></a>'
            '</span>')


def page(title, site_name, body, badge_html, charset="utf-8", head_extra="", after_html=""):
    nav = "".join('<li><a href="/col_{0}.html">{1}</a></li>'.format(i + 1, c)
                  for i, c in enumerate(COLUMNS))
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"{charset}\">\n"
            "<meta name=\"SiteName\" content=\"{site}\">\n<title>{title}</title>\n{head}</head>\n"
            "<body>\n<div class=\"top\"><a href=\"/\">{site}</a><ul class=\"nav\">{nav}</ul></div>\n"
            "<div class=\"main\">{body}</div>\n"
            "<div class=\"footer\"><p>主办单位：{site}　网站标识码：3300000001</p>"
            "<p>浙ICP备05012345号-1　浙公网安备33010202000123号</p>\n{badge}\n</div>\n"
            "</body>\n</html>\n{after}").format(
                charset=charset, site=site_name, title=title, head=head_extra, nav=nav,
                body=body, badge=badge_html, after=after_html)


def write_site(out_dir, host, site_name, badge_id, scenario):
    root = os.path.join(out_dir, host)
    os.makedirs(root, exist_ok=True)
    badge = snippet(badge_id)
    if scenario == "pass-document-write":
        badge = document_write(badge_id)
    if scenario == "counterfeit-badge-id":
        badge = snippet(OTHER_BADGE)
    if scenario == "static-copy":
        badge = static_copy()
    encoding = "gbk" if scenario in ("pass-gbk", "charset-declared-wrong") else "utf-8"
    declared = "utf-8" if scenario == "charset-declared-wrong" else encoding

    def emit(name, title, body, badge_html=badge, **extra):
        html = page(title, site_name, body, badge_html, charset=declared, **extra)
        with open(os.path.join(root, name), "wb") as f:
            f.write(html.encode(encoding))

    home_title = site_name + "欢迎您" if scenario == "home-title-mismatch" else site_name
    links = "".join('<li><a href="/art_{0}.html">{1}</a></li>'.format(i + 1, a)
                    for i, a in enumerate(ARTICLES))
    if scenario == "broken-link":
        links += '<li><a href="/art_old.html">往期通知（已删除）</a></li>'
    home_extra = {}
    if scenario == "badge-in-head":
        # Only the script: a <span> would end <head> (HTML parsing) and put it in the body.
        home_extra = {"head_extra": badge.replace('<span id="_ideConac"></span>', "") + "\n"}
    if scenario == "badge-after-html":
        home_extra = {"after_html": badge + "\n"}
    home_badge = "" if scenario in ("badge-in-head", "badge-after-html") else badge
    emit("index.html", home_title, "<ul class=\"list\">" + links + "</ul>", home_badge, **home_extra)
    for i, column in enumerate(COLUMNS):
        emit("col_{}.html".format(i + 1), column + " - " + site_name,
             "<h2>" + column + "</h2><ul class=\"list\">" + links + "</ul>")
    for i, article in enumerate(ARTICLES):
        body = "<h1>" + article + "</h1><p>" + ("各有关单位：现将有关事项通知如下。" * 20) + "</p>"
        article_badge = badge
        if i == 2 and scenario == "inner-page-missing-badge":
            article_badge = ""
        if i == 3 and scenario == "commented-out-badge":
            article_badge = "<!-- " + badge + " -->"
        emit("art_{}.html".format(i + 1), article + "_" + site_name, body, article_badge)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: demo-sites.py DEMO_DB OUT_DIR")
    db_path, out_dir = sys.argv[1], sys.argv[2]
    db = sqlite3.connect("file:" + db_path + "?mode=ro", uri=True)
    rows = db.execute(
        "SELECT s.name, s.english_domain, s.chinese_domain, b.id FROM sites s "
        "JOIN badges b ON b.site_id = s.id ORDER BY s.id").fetchall()
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "hosts.tsv"), "w") as hosts, \
            open(os.path.join(out_dir, "expected.tsv"), "w") as expected:
        index = 0
        for name, english, chinese, badge_id in rows:
            if not english and not chinese:
                continue  # hosted on CONAC's platform: nothing of the unit's own to crawl
            scenario, verdict = SCENARIOS[index % len(SCENARIOS)]
            index += 1
            names = [ascii_host(n) for n in (english, chinese) if n]
            for host in names:
                hosts.write("{}\t{}\t{}\n".format(
                    host, "-" if scenario == "unreachable" else "127.0.0.1", scenario))
            write_site(out_dir, names[0], name, badge_id, scenario)
            expected.write("{}\t{}\t{}\n".format(name, scenario, verdict))
    print("demo-sites: {} sites written to {}".format(index, out_dir))


if __name__ == "__main__":
    main()
