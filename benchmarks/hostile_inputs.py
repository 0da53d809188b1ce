"""Adversarial inputs for storytrace, built at any size: the timed benchmark
(``hostile.py``) builds them big, the tests (``tests/test_adversarial.py``) small.

Each builder writes its versions into a folder and returns their paths, the reference first.
Everything is generated from text in the repository (the seeds, and the Chinese story below,
written for these tests), so no data set is needed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# A local news story written for these tests (not taken from anywhere), and four paragraphs
# of other reporting on the same subject: a second version that keeps the first half of
# the story and writes the rest itself shares exactly half of it.
ZH_STORY = """\
临江市水务局周二宣布，全市排水系统改造工程已进入最后阶段，预计将在今年汛期到来之前全部完工。这项工程总投资约十二亿元，覆盖老城区和新开发的东部片区。水务局局长王建国在新闻发布会上表示，改造完成后，城区的排涝能力将提高一倍以上。

过去十年间，临江市多次遭遇强降雨袭击。二〇一九年七月的一场暴雨曾导致老城区大面积积水，部分街道水深超过一米，数千户居民的生活受到影响。那次灾害之后，市政府决定对沿用了四十多年的地下管网进行全面更新。

根据工程方案，施工单位将在老城区铺设新的雨水管道约八十公里，并新建三座大型泵站。其中位于江滨路的第一泵站已于去年年底投入试运行，每秒可排水二十五立方米。另外两座泵站目前正在进行设备安装和调试。

工程也给市民的日常出行带来了不便。由于多条主干道需要开挖路面，部分公交线路被迫临时改道。家住解放路的退休教师李秀兰说，施工期间出门买菜要多绕二十分钟，但她认为这些麻烦是值得的。“只要以后下大雨不再淹水，我们愿意等。”她说。

不过，也有专家对工程的长期效果提出疑问。临江大学环境工程学院教授陈志明指出，单靠扩大管道和泵站并不能从根本上解决城市内涝问题。他建议市政府同时推进“海绵城市”建设，通过增加绿地、透水铺装和雨水花园，让雨水在源头就地消纳。

对此，水务局回应称，海绵城市的相关规划已经纳入下一个五年计划。王建国表示，明年起新建小区将被要求配套建设雨水收集设施，老旧小区的改造也会逐步跟进。他同时承认，资金和用地仍是推进这项工作的主要难题。

财政部门的数据显示，排水改造工程的资金中，约六成来自地方政府专项债券，其余部分由省级财政补助和社会资本共同承担。有市人大代表在今年的会议上呼吁，应当公开工程招标和资金使用的详细情况，接受公众监督。

按照计划，全部工程将于五月底前通过验收。水务局表示，届时将组织一次全市范围的防汛演练，检验新系统在极端天气下的运行情况。市民可以通过政府网站和微信公众号查询施工进度和道路封闭信息。
"""

ZH_OTHER = """\
在东部片区，工程进展相对顺利。当地一家物流公司的负责人赵刚介绍，公司仓库以前每逢暴雨就要停工，货物损失动辄数十万元。新管道接通之后，今年春天的几场大雨都没有造成积水，公司的运营恢复了正常。

与此同时，临江市气象台发布预测，今年夏季全市降水量可能比常年偏多两到三成，强对流天气出现的频率也会增加。气象专家提醒，市民应提前关注预警信息，避免在暴雨期间前往地下通道和低洼地段。

一些社区已经开始自发组织防汛志愿队。在城南的光明社区，四十多名居民报名参加了应急培训，学习使用沙袋、抽水机和救生设备。社区主任刘芳说，居民的参与热情超出了预期，很多年轻人也主动加入。

记者在采访中了解到，部分商户对施工期间的营业损失仍有不满。一位在人民路经营餐馆的店主表示，门前道路封闭了将近三个月，生意下降了一半，希望政府能够出台相应的补贴政策。
"""

# A republished copy of ZH_STORY as a content farm makes one: words swapped for near
# synonyms, the funding paragraph dropped, the last one cut short, a promotion added.
ZH_COPY = """\
临江市水务局周二表示，全市排水系统改造工程已进入最后阶段，估计将在今年汛期到来之前全部完工。这项工程总投资约十二亿元，覆盖老城区和新开发的东部片区。水务局局长王建国在新闻发布会上说，改造完成后，城区的排涝能力将提高一倍以上。

过去十年间，临江市多次遭遇强降雨袭击。二〇一九年七月的一场暴雨曾导致老城区大面积积水，部分街道水深超过一米，数千户居民的生活受到影响。那次灾害之后，市政府决定对沿用了四十多年的地下管网进行全面更新。

根据工程方案，施工单位将在老城区铺设新的雨水管道约八十公里，并新建三座大型泵站。其中位于江滨路的第一泵站已于去年年底投入试运行，每秒可排水二十五立方米。另外两座泵站目前正在进行设备安装和调试。

工程也给市民的日常出行造成了不便。由于多条主要道路需要开挖路面，部分公交线路被迫临时改道。家住解放路的退休教师李秀兰说，施工期间出门买菜要多绕二十分钟，但她觉得这些麻烦是值得的。“只要以后下大雨不再淹水，我们愿意等。”她说。

不过，也有专家对工程的长期效果提出疑问。临江大学环境工程学院教授陈志明指出，单靠扩大管道和泵站并不能从根本上解决城市内涝问题。他建议市政府同时推进“海绵城市”建设，通过增加绿地、透水铺装和雨水花园，让雨水在源头就地消纳。

对此，水务局回应称，海绵城市的相关规划已经纳入下一个五年计划。王建国表示，明年起新建小区将被要求配套建设雨水收集设施，老旧小区的改造也会逐步跟进。他同时承认，资金和用地仍是推进这项工作的主要难题。

按照计划，全部工程将于五月底前通过验收。市民可以通过政府网站和微信公众号查询施工进度和道路封闭信息。

关注本号，获取更多本地新闻和生活资讯。
"""

_ZH_SENTENCE = re.compile(r"[^。！？]+[。！？]”?")


def zh_sentences(text: str) -> list[str]:
    return _ZH_SENTENCE.findall(text.replace("\n", ""))


def seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def seed_words() -> list[str]:
    """The seeds' lower-case words, in order: prose with no stop and no capital."""
    return re.findall(r"[a-z]+", seed_text().lower())


def _fill(pieces: list[str], size: int, sep: str = "") -> str:
    """``pieces`` repeated in order until the text reaches ``size`` characters."""
    out: list[str] = []
    total = 0
    k = 0
    while total < size:
        piece = pieces[k % len(pieces)]
        out.append(piece)
        total += len(piece) + len(sep)
        k += 1
    return sep.join(out)


def _write(folder: Path, texts: dict[str, str | bytes]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        paths.append(str(path))
    return paths


# ------------------------------------------------------------------------------- builders
# Each takes the folder and a size (characters of the first version, or a count where the
# name says so) and returns the paths to compare, the reference first.


def seed_stories(folder: Path, count: int) -> list[str]:
    """``count`` of the seed stories as they are: no hostility, the cost of starting up."""
    return [str(p) for p in sorted(SEEDS.glob("*.txt"))[:count]]


def titles(folder: Path, count: int) -> list[str]:
    """``'Mr. ' * count`` on one line: a title before every word, so every place blingfire
    might have missed a boundary is examined, and none is one."""
    text = "Mr. " * count
    return _write(folder, {"a.txt": text, "b.txt": text + " The end."})


def tiny_sentences(folder: Path, count: int) -> list[str]:
    """``'Go! ' * count``: as many one-word sentences, in one paragraph."""
    text = "Go! " * count
    return _write(folder, {"a.txt": text, "b.txt": "Stop. " + text})


def dot_lowercase(folder: Path, count: int) -> list[str]:
    """``'. a' * count``: a full stop before a lower-case word, ``count`` times on one line."""
    text = ". a" * count
    return _write(folder, {"a.txt": text, "b.txt": text + " The end."})


def lowercase_prose(folder: Path, size: int) -> list[str]:
    """The seeds lower-cased onto one line: every full stop comes before a lower-case word,
    so every sentence boundary is one blingfire misses; the copy drops every seventh
    sentence."""
    sentences = re.split(r"(?<=\.) ", " ".join(seed_text().lower().split()))
    text = _fill(sentences, size, " ")
    copy = ". ".join(s for k, s in enumerate(text.split(". ")) if k % 7 != 3)
    return _write(folder, {"a.txt": text, "b.txt": copy})


def short_lines(folder: Path, count: int) -> list[str]:
    """``count`` one-word lines against ``count`` two-word lines, lower case and without a
    stop: each line may continue the paragraph before it."""
    words = seed_words()
    one = "".join(f"{words[k % len(words)]}\n" for k in range(count))
    two = "".join(f"{words[k % len(words)]} {words[(k + 1) % len(words)]}\n" for k in range(count))
    return _write(folder, {"a.txt": one, "b.txt": two})


def html_paragraphs(folder: Path, count: int) -> list[str]:
    """``'<p>x</p>' * count`` in an HTML page, against a seed story as a web page."""
    page = "<html><body>" + "<p>x</p>" * count + "</body></html>"
    story = (SEEDS / "000_dcce54c3826141f5.txt").read_text(encoding="utf-8")
    paras = "".join(f"<p>{p}</p>\n" for p in story.splitlines() if p.strip())
    head = "<head><title>Story</title></head>"
    article = f"<html>{head}<body><article>{paras}</article></body></html>"
    return _write(folder, {"a.html": page, "b.html": article})


def many_files(folder: Path, count: int, size: int = 3_000_000) -> list[str]:
    """``count`` files of ``size`` bytes in one folder: the folder is the one path given."""
    text = _fill(seed_text().splitlines(keepends=True), size)
    _write(folder, {f"v{k:03d}.txt": text for k in range(count)})
    return [str(folder)]


def long_line(folder: Path, size: int) -> list[str]:
    """One line of ``size`` characters of words with no stop at all; the copy changes every
    fiftieth word."""
    words = seed_words()
    text = _fill(words, size, " ")
    copy = " ".join("changed" if k % 50 == 7 else w for k, w in enumerate(text.split(" ")))
    return _write(folder, {"a.txt": text, "b.txt": copy})


def repeated_sentence(folder: Path, size: int) -> list[str]:
    """One sentence repeated to ``size`` characters on both sides (one paragraph of it)."""
    text = _fill(["The council approved the new budget on Tuesday."], size, " ")
    return _write(folder, {"a.txt": text, "b.txt": "A new line. " + text})


def chinese(folder: Path, size: int) -> list[str]:
    """Two Chinese texts of ``size`` characters on one line each, no spaces, sharing their
    first half; the second halves are different reporting."""
    rng = random.Random(11)
    story, other = zh_sentences(ZH_STORY), zh_sentences(ZH_OTHER)

    def half(sentences: list[str]) -> str:
        out: list[str] = []
        while sum(map(len, out)) < size // 2:
            out.append(rng.choice(sentences))
        return "".join(out)

    shared = half(story)
    return _write(folder, {"a.txt": shared + half(story), "b.txt": shared + half(other)})


Builder = Callable[[Path, int], list[str]]


def han_characters(folder: Path, size: int) -> list[str]:
    """Two texts of ``size`` random Han characters, no punctuation and no spaces, sharing
    their first half: nothing at all to split on."""
    rng = random.Random(5)

    def chars(n: int) -> str:
        return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))

    shared = chars(size // 2)
    return _write(folder, {"a.txt": shared + chars(size // 2), "b.txt": shared + chars(size // 2)})
