package com.vibrationfit.assessment.bank;

/** One of a question's five answers: worth 2, 4, 6, 8 or 10, with its Green Line class (above, neutral, below). */
public record Answer(int value, String text, String emoji, String greenLine) {}
