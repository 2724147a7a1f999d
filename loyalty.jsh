// JShell start script for loyalty-kpi. Use with the default imports:
//   jshell --class-path loyalty-cli/target/loyalty-cli-0.1.0-SNAPSHOT-all.jar --startup DEFAULT --startup loyalty.jsh
// (the jar that ./loyalty builds: loyalty-core with its one dependency, commons-numbers-gamma)
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.loyaltykpi.clv.*;
import org.loyaltykpi.cohort.*;
import org.loyaltykpi.domain.*;
import org.loyaltykpi.feedback.*;
import org.loyaltykpi.io.*;
import org.loyaltykpi.program.*;
import org.loyaltykpi.report.*;
import org.loyaltykpi.retention.*;
import org.loyaltykpi.demo.*;
import org.loyaltykpi.segment.*;
import org.loyaltykpi.survey.*;
import org.loyaltykpi.target.*;
import org.loyaltykpi.value.*;

// The built-in sample shop: 2,000 customers over 2023..2025.
PurchaseTable shop = SampleShop.standard().purchases();
// Its survey answers: NPS, CSAT, CES and CSI attributes.
List<SurveyResponse> answers = SampleShop.standard().surveyResponses(shop);
// Its reviews, monthly marketing spend and loyalty-program events.
List<Review> reviews = SampleShop.standard().reviews(shop);
List<MarketingSpend> spend = SampleShop.standard().marketingSpend(shop);
List<ProgramEvent> events = SampleShop.standard().programEvents(shop);
