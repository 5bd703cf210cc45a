package com.vibrationfit.aiusage.balance;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The days a usage summary covers, as query parameters (a {@code @BeanParam} of both summaries). */
public class UsageRange {

    @Parameter(
            description = "first day, YYYY-MM-DD (UTC); default 29 days before to",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(
            description =
                    "last day, YYYY-MM-DD (UTC); default today. At most " + UsageSummary.MAX_DAYS + " days from from",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    /** The filter of these days, checked like the usage list's. */
    public UsageQueries.Filter filter() {
        return UsageParameters.filter(null, null, from, to);
    }
}
