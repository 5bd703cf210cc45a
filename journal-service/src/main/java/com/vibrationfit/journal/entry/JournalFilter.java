package com.vibrationfit.journal.entry;

import com.vibrationfit.events.LifeCategory;
import java.time.LocalDate;

/** The list filters, validated: all optional and combinable. */
public record JournalFilter(LocalDate from, LocalDate to, LifeCategory category, String query, Boolean hasMedia) {}
