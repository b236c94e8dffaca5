"""Dates of birth: "DOB 12/03/1985", "date of birth: 12 March 1985", "born on 3rd March 1985",
"born 03.03.85", "(d.o.b. 1985-03-12)". A day-precise date of birth is a direct identifier."""

import re

from .base import RegexRecognizer

MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
          r"|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)\.?")  # and in Welsh
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# a day said in words, as transcripts and family letters write it: "the nineteenth of March"
_ORDINAL = (r"(?:(?:twenty|thirty)[ \t-]+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
            r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
            r"|twentieth|thirtieth")
# a year said in words: "ninety-one", "nineteen eighty-four", "two thousand and three", "twenty twelve"
_YEAR_WORDS = (rf"(?:(?:nineteen|twenty)[ \t-]+)?(?:(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|oh[ \t-]+(?:{_UNITS})|{_TEENS})"
               rf"|two[ \t]+thousand(?:[ \t]+and)?(?:[ \t]+(?:(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|{_TEENS}|{_UNITS}))?")
DAY_DATE = (
    rf"(?:(?:{_ORDINAL})[ \t]+(?:of[ \t]+)?{MONTHS},?[ \t]+(?:\d{{2,4}}\b|(?:{_YEAR_WORDS})\b)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTHS},?[ \t]+\d{{2,4}}"
    rf"|\d{{1,2}}-{MONTHS}-\d{{2,4}}"
    rf"|{MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{2,4}}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|(?:19|20)\d\d-\d\d-\d\d)"
)


class DateOfBirthRecognizer(RegexRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    RULE = "AN133"
    FLAGS = re.I
    PATTERNS = [
        (
            "dob",
            rf"(?:\bd\.?\s?o\.?\s?b\.?|\bdate[ \t]+(?:and[ \t]+place[ \t]+)?of[ \t]+birth|\bdyddiad[ \t]+geni|\bganwyd(?:[ \t]+ar)?|\bborn(?:[ \t]+on)?|(?<=\()[gb]\.|(?<=[,;][ \t])(?-i:b)\.(?=[ \t]*\d)|\bbirth[ \t]?date|\bbirthday[ \t]+(?:is|was|on))[ \t]*[,:\-–(]?\s*[\"“']?(?:(?:is|was|as|of|the|given|recorded|noted|shown|being|on|wrong|incorrectly|correctly|wrongly|listed|entered)[ \t]*[:(\-–]?[ \t]*){{0,3}}(?P<v>{DAY_DATE})",
            0.95,
        ),
        # "was born in Pleven, Bulgaria, on 4 August 1989": a place (or a time) between "born" and the date
        ("born-in-on", rf"\bborn[ \t]+(?:in|at)[ \t]+[^.\n;:!?]{{1,60}}?[ \t,]on[ \t]+(?:the[ \t]+)?(?P<v>{DAY_DATE})", 0.9),
        # the last date later in a sentence about someone's birth, the words maybe wrapped onto the next line:
        # "Tiernan was born on 4 May 2015 and Saoirse came along on the\n29th of February 2020"
        ("born-sentence", rf"\bborn\b(?:[^.!?\n]|\n(?![ \t]*\n)){{0,100}}(?<![\w/.-])(?P<v>{DAY_DATE})(?![\w/-])", 0.8),
        # a date between a name and an NHS number in a record line: "MORRIS, Jayden 27-Jun-2013 NHS 423 868 4346"
        ("before-nhs", rf"(?<![\w/.-])(?P<v>{DAY_DATE})[ \t,;]+(?:NHS|CHI)(?:[ \t]+(?:no|number))?\.?[ \t:]*\d{{3}}", 0.8),
        # a date in a sentence about dates of birth: "Could school send the dates of birth? I have 21/09/2017 for Z"
        ("birth-sentence", rf"\b(?:dates?[ \t]+of[ \t]+birth|DOBs?|birthdays?)\b[^\n]{{0,80}}?(?<![\w/.-])(?P<v>{DAY_DATE})(?![\w/-])", 0.8),
    ]
