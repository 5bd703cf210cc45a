package com.vibrationfit.assessment.events;

import com.vibrationfit.assessment.greenline.AssessmentRepository;
import com.vibrationfit.assessment.profile.MemberProfiles;
import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes its assessments (answers and insights cascade) and its profile projection with it. */
@ApplicationScoped
public class AssessmentUserData implements UserDataPurger, UserDataExporter {

    @Inject
    AssessmentRepository assessments;

    @Inject
    MemberProfiles profiles;

    @Override
    public void purge(UUID userId) {
        assessments.delete("userId", userId);
        profiles.deleteAllOf(userId);
    }

    /** Every assessment with its answers and insights (the profile projection is profile-service's to export). */
    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows("assessment_results", "select * from assessment_results where user_id = ?1 order by created_at");
        part.rows("assessment_responses", """
                select q.* from assessment_responses q join assessment_results a on a.id = q.assessment_id
                where a.user_id = ?1 order by a.created_at, q.answered_at, q.question_id""");
        part.rows("assessment_insights", """
                select i.* from assessment_insights i join assessment_results a on a.id = i.assessment_id
                where a.user_id = ?1 order by a.created_at, i.created_at""");
    }
}
