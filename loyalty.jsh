// JShell start script for loyalty-kpi. Use with the default imports:
//   jshell --class-path loyalty-cli/target/loyalty-cli-0.1.0-SNAPSHOT-all.jar --startup DEFAULT --startup loyalty.jsh
// (the jar that ./loyalty builds: loyalty-core with its one dependency, commons-numbers-gamma)
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.loyaltykpi.clv.*;
import org.loyaltykpi.cohort.*;
import org.loyaltykpi.domain.*;
import org.loyaltykpi.io.*;
import org.loyaltykpi.retention.*;
import org.loyaltykpi.sample.*;
import org.loyaltykpi.segment.*;
import org.loyaltykpi.survey.*;

// The built-in sample shop: 2,000 customers over 2023..2025.
PurchaseTable shop = SampleShop.standard().purchases();
// Its survey answers: NPS, CSAT, CES and CSI attributes.
List<SurveyResponse> answers = SampleShop.standard().surveyResponses();
