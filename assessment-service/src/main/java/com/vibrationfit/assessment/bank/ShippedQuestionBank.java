package com.vibrationfit.assessment.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The bank new assessments use: the shipped {@code question-bank-v<vf.assessment.bank-version>.json}, checked at boot. */
@ApplicationScoped
public class ShippedQuestionBank {

    @Produces
    @Singleton
    QuestionBank current(@ConfigProperty(name = "vf.assessment.bank-version", defaultValue = "1") int version) {
        return QuestionBank.shipped(version);
    }
}
