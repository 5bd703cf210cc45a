package com.vibrationfit.assessment.events;

import com.vibrationfit.assessment.assessment.AssessmentRepository;
import com.vibrationfit.assessment.profile.MemberProfiles;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes its assessments (answers and insights cascade) and its profile projection with it. */
@ApplicationScoped
public class AssessmentUserData implements UserDataPurger {

    @Inject
    AssessmentRepository assessments;

    @Inject
    MemberProfiles profiles;

    @Override
    public void purge(UUID userId) {
        assessments.delete("userId", userId);
        profiles.deleteAllOf(userId);
    }
}
